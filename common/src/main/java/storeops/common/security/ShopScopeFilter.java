package storeops.common.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import storeops.common.problem.Problem;
import storeops.common.problem.ProblemMappers;

/**
 * One deployment serves many shops: a token acts only on the shops its {@code shops} claim names.
 * Checked before any resource is looked up, so a 403 never tells whether the shop or the
 * resource exists.
 */
public class ShopScopeFilter {

    private static final Pattern SHOP_PATH = Pattern.compile("^/shops/([^/]+)(/.*)?$");

    private final CurrentIdentityAssociation identities;

    public ShopScopeFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> checkShop(ContainerRequestContext request) {
        Matcher matcher = SHOP_PATH.matcher(request.getUriInfo().getPath());
        if (!matcher.matches()) {
            return Uni.createFrom().nullItem();
        }
        String shopId = matcher.group(1);
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> refusal(identity, shopId));
    }

    private static Response refusal(SecurityIdentity identity, String shopId) {
        if (identity == null || identity.isAnonymous()) {
            return ProblemMappers.answer(Problem.of(401, "Unauthorized", "A valid bearer token is required"));
        }
        if (!ShopScope.allows(identity, shopId)) {
            return ProblemMappers.answer(Problem.of(403, "Forbidden",
                    "The token does not allow this operation on this shop"));
        }
        return null;
    }

    /** Reads the shop list of a verified token. */
    public static final class ShopScope {
        private ShopScope() {
        }

        public static boolean allows(SecurityIdentity identity, String shopId) {
            if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
                return false;
            }
            Object claim = jwt.getClaim(Roles.SHOPS_CLAIM);
            if (claim instanceof jakarta.json.JsonArray array) {
                return array.stream().anyMatch(v -> v instanceof jakarta.json.JsonString s && s.getString().equals(shopId));
            }
            if (claim instanceof java.util.Collection<?> shops) {
                return shops.stream().anyMatch(s -> shopId.equals(String.valueOf(s)));
            }
            return claim instanceof String single && single.equals(shopId);
        }
    }
}
