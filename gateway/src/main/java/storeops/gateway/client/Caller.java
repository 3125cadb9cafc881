package storeops.gateway.client;

import java.util.Locale;

/**
 * Who asked the gateway: the services verify the caller's own token (the gateway never mints one)
 * and audit the caller's address, so both travel with every call. {@code mayReuse} is false when
 * the caller sent {@code Cache-Control: no-cache}: the answer is then composed afresh.
 */
public record Caller(String authorization, String forwardedFor, boolean mayReuse) {

    public Caller(String authorization, String forwardedFor) {
        this(authorization, forwardedFor, true);
    }

    /** The address chain as the next hop should see it: what came in, plus the peer that sent it. */
    public static Caller of(String authorization, String incomingForwardedFor, String peerAddress, String cacheControl) {
        boolean mayReuse = cacheControl == null || !cacheControl.toLowerCase(Locale.ROOT).contains("no-cache");
        return new Caller(authorization, chainOf(incomingForwardedFor, peerAddress), mayReuse);
    }

    private static String chainOf(String incomingForwardedFor, String peerAddress) {
        return incomingForwardedFor == null || incomingForwardedFor.isBlank()
                ? peerAddress
                : peerAddress == null ? incomingForwardedFor : incomingForwardedFor + ", " + peerAddress;
    }
}
