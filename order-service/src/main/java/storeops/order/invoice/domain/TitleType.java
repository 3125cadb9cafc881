package storeops.order.invoice.domain;

/** 个人 or 企业 (company) title. */
public enum TitleType {
    PERSONAL, COMPANY
}
