package storeops.gateway.client;

/**
 * Who asked the gateway: the services verify the caller's own token (the gateway never mints one)
 * and audit the caller's address, so both travel with every call.
 */
public record Caller(String authorization, String forwardedFor) {

    /** The address chain as the next hop should see it: what came in, plus the peer that sent it. */
    public static Caller of(String authorization, String incomingForwardedFor, String peerAddress) {
        String chain = incomingForwardedFor == null || incomingForwardedFor.isBlank()
                ? peerAddress
                : peerAddress == null ? incomingForwardedFor : incomingForwardedFor + ", " + peerAddress;
        return new Caller(authorization, chain);
    }
}
