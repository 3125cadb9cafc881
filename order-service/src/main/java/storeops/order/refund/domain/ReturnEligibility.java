package storeops.order.refund.domain;

import java.time.Instant;
import java.util.List;

/** The answer to "may this be returned without a reason?", with every reason when it may not. */
public record ReturnEligibility(boolean eligible, Instant signedAt, Instant windowEndsAt, List<Reason> reasons,
        FreightResponsibility freight) {

    public record Reason(Code code, String message) {
    }

    public enum Code { NOT_SIGNED, WINDOW_ENDED, PACKAGING_NOT_INTACT, TAGS_NOT_INTACT, ACCESSORIES_INCOMPLETE, NOT_RESELLABLE }
}
