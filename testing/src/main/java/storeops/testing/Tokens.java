package storeops.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Mints tokens signed with the test key (test-keys/private.pem), whose public half the services'
 * test profile trusts. Never used outside tests: production trusts only its configured issuer.
 */
public final class Tokens {

    public static final String ISSUER = "https://test.storeops.local";
    private static final PrivateKey KEY = loadKey();

    private Tokens() {
    }

    /** A token for these shops with these roles. */
    public static String forShops(List<String> shops, String... roles) {
        return Jwt.issuer(ISSUER)
                .upn("test-" + String.join("-", roles))
                .groups(Set.of(roles))
                .claim("shops", shops)
                .expiresIn(Duration.ofHours(1))
                .sign(KEY);
    }

    public static String forShop(String shop, String... roles) {
        return forShops(List.of(shop), roles);
    }

    /** Everything of one shop. */
    public static String operator(String shop) {
        return forShop(shop, "operator");
    }

    public static String expired(String shop, String... roles) {
        return Jwt.issuer(ISSUER).upn("expired").groups(Set.of(roles)).claim("shops", List.of(shop))
                .issuedAt(Instant.now().minus(Duration.ofHours(3)))
                .expiresAt(Instant.now().minus(Duration.ofHours(2)))
                .sign(KEY);
    }

    public static String wrongIssuer(String shop, String... roles) {
        return Jwt.issuer("https://someone-else.example").upn("intruder").groups(Set.of(roles))
                .claim("shops", List.of(shop)).expiresIn(Duration.ofHours(1)).sign(KEY);
    }

    /** Signed by a key nobody trusts. */
    public static String badlySigned(String shop, String... roles) {
        try {
            PrivateKey stranger = KeyUtils.generateKeyPair(2048).getPrivate();
            return Jwt.issuer(ISSUER).upn("forger").groups(Set.of(roles)).claim("shops", List.of(shop))
                    .expiresIn(Duration.ofHours(1)).sign(stranger);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static PrivateKey loadKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/test-keys/private.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("test key missing", e);
        }
    }
}
