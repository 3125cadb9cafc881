package storeops.traffic;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every figure of {@link TrafficMetricsTest}, on the embedded demo app's H2 database. */
@QuarkusTest
@TestProfile(H2Profile.class)
class H2TrafficMetricsTest extends TrafficMetricsTest {
}
