package storeops.traffic.domain;

/** Every page type is a shop page; home and detail pages have their own metrics. */
public enum PageType {
    HOME, DETAIL, OTHER
}
