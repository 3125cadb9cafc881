package storeops.order.domain;

/** The colours of the seller memo flag (备注小红旗). */
public enum MemoFlag {
    RED, YELLOW, GREEN, BLUE, PURPLE
}
