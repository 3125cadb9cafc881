package storeops.traffic;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The visitor sets of {@link VisitorSetsTest} (arrival orders, replays, rebuilt days) on H2 in MySQL mode. */
@QuarkusTest
@TestProfile(H2Profile.class)
class H2VisitorSetsTest extends VisitorSetsTest {
}
