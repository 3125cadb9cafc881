package storeops.order.reconciliation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The differences between the platform's export and our orders. Counts and amounts cover every
 * row; each list holds at most the first {@code listLimit} items ({@code truncated} says so).
 * {@code from}/{@code to} is the export's range of creation times, within which an order of ours
 * absent from the file is missing there.
 */
public record ReconciliationReport(String charset, long rows, long validRows, long matched, Instant from,
        Instant to, int listLimit, boolean truncated, Totals totals, Section<MissingHere> missingHere,
        Section<MissingThere> missingThere, Section<AmountMismatch> amountMismatches,
        Section<StatusMismatch> statusMismatches, Section<MalformedRow> malformedRows) {

    /** 买家实际支付金额 summed over the file's valid rows, and goods + freight of ours that the file names. */
    public record Totals(BigDecimal fileAmount, BigDecimal ourAmount, BigDecimal difference) {
    }

    public record Section<T>(long count, BigDecimal amount, List<T> items) {
    }

    public record MissingHere(long line, String orderNo, String buyerId, String status, BigDecimal amount) {
    }

    public record MissingThere(String orderNo, String buyerId, String status, BigDecimal amount, Instant createdAt) {
    }

    public record AmountMismatch(long line, String orderNo, BigDecimal fileAmount, BigDecimal ourAmount,
            BigDecimal difference) {
    }

    public record StatusMismatch(long line, String orderNo, String fileStatus, String ourStatus) {
    }

    public record MalformedRow(long line, String reason) {
    }
}
