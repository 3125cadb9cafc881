package storeops.order;

import io.quarkus.test.junit.QuarkusTest;
import storeops.testing.OpenApiSecurityWalk;

@QuarkusTest
class OrderSecurityWalkTest extends OpenApiSecurityWalk {
}
