package storeops.common.security;

/** The roles a token carries in its {@code groups} claim. */
public final class Roles {

    /** An ERP: writes orders, order sync and refunds; reads orders and reconciliation. */
    public static final String ERP = "erp";
    /** A customer-service agent: writes conversations, tickets, handovers and shifts; reads orders masked. */
    public static final String AGENT = "agent";
    /** The shop's operator: everything of its shops, buyer contact data included. */
    public static final String OPERATOR = "operator";
    /** An analyst: metrics and KPIs only. */
    public static final String ANALYST = "analyst";
    /** A page or app SDK: only posts traffic events. */
    public static final String TRACKER = "tracker";

    /** A metrics scraper: reads /q/metrics only. */
    public static final String MONITORING = "monitoring";

    /** The claim that lists the shop ids a token may act on. */
    public static final String SHOPS_CLAIM = "shops";

    private Roles() {
    }
}
