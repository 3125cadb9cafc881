package storeops.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import storeops.gateway.domain.ChannelAttribution;
import storeops.gateway.domain.Funnel;

/** The KPI answers, with the JSON names of contract.md. Map values may be null: a ratio over zero. */
public final class KpiViews {

    private KpiViews() {
    }

    public record Overview(String shopId, LocalDate from, LocalDate to,
            @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, BigDecimal> metrics,
            @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, BigDecimal> previous,
            boolean partial, List<String> missing) {
    }

    public record FunnelView(String shopId, LocalDate from, LocalDate to, Long visitors, List<Funnel.Layer> layers,
            Long paidBuyers, BigDecimal averageOrderValue, BigDecimal paidAmount, boolean partial,
            List<String> missing) {
    }

    public record AgentRow(String agentId, Long conversations, Long receivedBuyers, BigDecimal replyRate,
            BigDecimal firstResponseSeconds, BigDecimal avgResponseSeconds, BigDecimal threeMinuteResponseRate,
            Long inquiries, BigDecimal inquiryConversionRate, BigDecimal inquiryFinalPaymentRate,
            BigDecimal creditedSales) {
    }

    public record Headline(LocalDate from, LocalDate to, Long inquiries, BigDecimal inquiryConversionRate,
            BigDecimal inquiryFinalPaymentRate) {
    }

    public record AgentsView(String shopId, LocalDate from, LocalDate to, List<AgentRow> agents, Headline last28Days,
            boolean partial, List<String> missing) {
    }

    public record ChannelsView(String shopId, LocalDate from, LocalDate to, List<ChannelAttribution.Row> channels,
            boolean partial, List<String> missing) {
    }

    public record DayView(LocalDate date, @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, BigDecimal> metrics) {
    }

    public record DailyView(String shopId, LocalDate from, LocalDate to, List<DayView> days, boolean partial,
            List<String> missing) {
    }

    public record DsrAlert(String dimension, BigDecimal value, BigDecimal target) {
    }

    public record AlertsView(String shopId, Instant at, JsonNode lateShipmentRisks, JsonNode paymentReminders,
            JsonNode ticketsPastSla, JsonNode ticketsNearSla, List<DsrAlert> dsrBelowTarget, JsonNode openInvoices,
            boolean partial, List<String> missing) {
    }
}
