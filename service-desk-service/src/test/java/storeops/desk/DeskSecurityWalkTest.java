package storeops.desk;

import io.quarkus.test.junit.QuarkusTest;
import storeops.testing.OpenApiSecurityWalk;

@QuarkusTest
class DeskSecurityWalkTest extends OpenApiSecurityWalk {
}
