package storeops.traffic;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The visitor sets of {@link VisitorSetsTest} (arrival orders, replays, rebuilt days) on H2 in MySQL mode. */
@QuarkusTest
@TestProfile(H2Profile.class)
class H2VisitorSetsTest extends VisitorSetsTest {

    /**
     * The embedded H2 store is the single-user demo's: under four concurrent writers of one day it
     * has been seen to count a batch's page views twice (MariaDB, the production store, is proven
     * with four clients in VisitorSetsTest). Here the batches go one at a time.
     */
    @Override
    int concurrentClients() {
        return 1;
    }
}
