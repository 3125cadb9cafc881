package storeops.traffic;

import io.quarkus.test.junit.QuarkusTest;
import storeops.testing.OpenApiSecurityWalk;

@QuarkusTest
class TrafficSecurityWalkTest extends OpenApiSecurityWalk {
}
