package storeops.order.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Taobao's trade statuses, as ERP systems know them (rules.md). The direct successors are the
 * edges of the lifecycle's business events; an ERP update may jump several edges at once (it
 * does not see every intermediate state) but never goes back.
 */
public enum OrderStatus {
    WAIT_BUYER_PAY,
    WAIT_SELLER_SEND_GOODS,
    WAIT_BUYER_CONFIRM_GOODS,
    TRADE_FINISHED,
    TRADE_CLOSED,
    TRADE_CLOSED_BY_TAOBAO,
    PAID_FORBID_CONSIGN,
    SELLER_CONSIGNED_PART,
    TRADE_BUYER_SIGNED;

    private Set<OrderStatus> successors() {
        return switch (this) {
            case WAIT_BUYER_PAY -> EnumSet.of(WAIT_SELLER_SEND_GOODS, PAID_FORBID_CONSIGN, TRADE_CLOSED_BY_TAOBAO);
            case PAID_FORBID_CONSIGN -> EnumSet.of(WAIT_SELLER_SEND_GOODS, TRADE_CLOSED);
            case WAIT_SELLER_SEND_GOODS -> EnumSet.of(SELLER_CONSIGNED_PART, WAIT_BUYER_CONFIRM_GOODS, TRADE_CLOSED);
            case SELLER_CONSIGNED_PART -> EnumSet.of(WAIT_BUYER_CONFIRM_GOODS);
            case WAIT_BUYER_CONFIRM_GOODS -> EnumSet.of(TRADE_FINISHED, TRADE_BUYER_SIGNED);
            case TRADE_BUYER_SIGNED -> EnumSet.of(TRADE_FINISHED);
            case TRADE_FINISHED, TRADE_CLOSED, TRADE_CLOSED_BY_TAOBAO -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** Whether some sequence of business events leads from this status to the target (or it is the same). */
    public boolean canReach(OrderStatus target) {
        if (this == target) {
            return true;
        }
        for (OrderStatus next : successors()) {
            if (next.canReach(target)) {
                return true;
            }
        }
        return false;
    }

    public boolean isFinal() {
        return successors().isEmpty();
    }

    /** Paid and not a single line shipped yet: the states a full refund can still close. */
    public boolean isPaidNotShipped() {
        return this == WAIT_SELLER_SEND_GOODS || this == PAID_FORBID_CONSIGN;
    }

    /** Before any parcel left: the buyer may still change the address. */
    public boolean isBeforeShipment() {
        return this == WAIT_BUYER_PAY || this == WAIT_SELLER_SEND_GOODS || this == PAID_FORBID_CONSIGN;
    }
}
