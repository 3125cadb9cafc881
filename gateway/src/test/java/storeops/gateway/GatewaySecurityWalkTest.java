package storeops.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import storeops.testing.OpenApiSecurityWalk;

/** Every KPI operation of the gateway's own OpenAPI refuses a caller without a token or of another shop. */
@QuarkusTest
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@Order(3)
class GatewaySecurityWalkTest extends OpenApiSecurityWalk {
}
