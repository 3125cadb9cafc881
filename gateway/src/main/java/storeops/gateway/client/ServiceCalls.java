package storeops.gateway.client;

/**
 * The budget of one call to a service. A KPI answer must come within 2 s even when a service
 * hangs, and the joins take two steps (ids first, then the other service), so one step gets at
 * most {@link #TIMEOUT_MS}; the composers cut whatever is still running when
 * {@code storeops.gateway.answer-within} (1.5 s) has passed.
 * Each value can be overridden per class with MicroProfile config, e.g.
 * {@code storeops.gateway.client.TrafficClient/Timeout/value=800}.
 */
public final class ServiceCalls {

    public static final long TIMEOUT_MS = 1000;
    /**
     * A join moves id lists and may take longer at scale; an answer is still cut at its deadline,
     * and this is how long a background composition (ComposedAnswers) lets it run.
     */
    public static final long JOIN_TIMEOUT_MS = 30_000;
    public static final long OPEN_MS = 3000;

    private ServiceCalls() {
    }
}
