package storeops.traffic.domain;

/** Only VIEW is a page view; favorites and cart adds are counted by their own metrics. */
public enum VisitAction {
    VIEW, FAVORITE_SHOP, FAVORITE_PRODUCT, ADD_TO_CART
}
