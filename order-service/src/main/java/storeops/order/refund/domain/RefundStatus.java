package storeops.order.refund.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Taobao's refund statuses (rules.md). */
public enum RefundStatus {
    WAIT_SELLER_AGREE,
    WAIT_BUYER_RETURN_GOODS,
    WAIT_SELLER_CONFIRM_GOODS,
    SELLER_REFUSE_BUYER,
    CLOSED,
    SUCCESS;

    /**
     * The edges the platform can report; a refused buyer may modify the application and apply again.
     * SUCCESS and CLOSED are final.
     */
    private static final Map<RefundStatus, Set<RefundStatus>> NEXT = Map.of(
            WAIT_SELLER_AGREE, EnumSet.of(WAIT_BUYER_RETURN_GOODS, SUCCESS, SELLER_REFUSE_BUYER, CLOSED),
            WAIT_BUYER_RETURN_GOODS, EnumSet.of(WAIT_SELLER_CONFIRM_GOODS, CLOSED),
            WAIT_SELLER_CONFIRM_GOODS, EnumSet.of(SUCCESS, SELLER_REFUSE_BUYER, CLOSED),
            SELLER_REFUSE_BUYER, EnumSet.of(WAIT_SELLER_AGREE, CLOSED),
            CLOSED, EnumSet.noneOf(RefundStatus.class),
            SUCCESS, EnumSet.noneOf(RefundStatus.class));

    /** Still in progress: pauses the order's automatic completion. */
    public boolean inProgress() {
        return this != CLOSED && this != SUCCESS;
    }

    /** Holds its amount against the line's payment (everything but a closed refund). */
    public boolean holdsAmount() {
        return this != CLOSED;
    }

    /**
     * Whether the platform may report {@code target} after this status: the platform skips the
     * steps it does not publish (a refund-only application can be reported straight as SUCCESS).
     */
    public boolean canReach(RefundStatus target) {
        Set<RefundStatus> seen = EnumSet.noneOf(RefundStatus.class);
        Deque<RefundStatus> todo = new ArrayDeque<>(NEXT.get(this));
        while (!todo.isEmpty()) {
            RefundStatus s = todo.pop();
            if (s == target) {
                return true;
            }
            if (seen.add(s)) {
                todo.addAll(NEXT.get(s));
            }
        }
        return false;
    }
}
