package storeops.order;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import storeops.order.h2.H2Profile;

/** The hand-worked metric data set again on the embedded demo's H2: the aggregates must agree with MariaDB's. */
@QuarkusTest
@TestProfile(H2Profile.class)
class OrderMetricsOnH2Test extends OrderMetricsTest {
}
