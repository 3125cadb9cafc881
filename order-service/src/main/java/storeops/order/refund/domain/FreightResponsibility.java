package storeops.order.refund.domain;

/**
 * Who pays each leg of a returned parcel's freight (rules.md): for free-shipping goods each side
 * pays its own leg (the seller the outbound, the buyer the return); otherwise the buyer pays both.
 */
public record FreightResponsibility(Party outboundLeg, Party returnLeg) {

    public enum Party { SELLER, BUYER }

    public static FreightResponsibility of(boolean freeShipping) {
        return freeShipping ? new FreightResponsibility(Party.SELLER, Party.BUYER)
                : new FreightResponsibility(Party.BUYER, Party.BUYER);
    }
}
