package storeops.order.domain;

/** Where an order was placed (拍下): PC or one of the wireless terminals. */
public enum Terminal {
    PC, TAOBAO_APP, TMALL_APP, WAP;

    public boolean isWireless() {
        return this != PC;
    }
}
