package storeops.traffic;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static storeops.traffic.Events.metrics;
import static storeops.traffic.Events.post;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plain multi-row INSERT path (MySQL 8 with local_infile off), with two rows per statement so
 * that batches span several statements, and no metrics cache: the same figures as LOAD DATA.
 */
@QuarkusTest
@TestProfile(InsertPathIngestionTest.InsertPath.class)
class InsertPathIngestionTest {

    public static class InsertPath implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storeops.traffic.ingest.load-data", "false", "storeops.traffic.ingest.rows-per-statement", "2",
                    "storeops.traffic.metrics.cache-size", "0");
        }
    }

    @Test
    void theDataSetGivesTheSameFiguresAndAReplayChangesNothing() {
        String shop = "insert-path-shop";
        List<String> all = new ArrayList<>(TrafficMetricsTest.EARLIER);
        all.addAll(TrafficMetricsTest.MAIN_DAY);
        post(shop, all).statusCode(200).body("accepted", equalTo(17));
        // 03-09 before the late event: C and L bounce
        metrics(shop, "2026-03-09", "2026-03-09").body("metrics.pcBounceRate", closeTo(1.0, 1e-6));
        List<String> replayWithLate = new ArrayList<>(all);
        replayWithLate.addAll(TrafficMetricsTest.LATE);
        post(shop, replayWithLate).statusCode(200).body("accepted", equalTo(1)).body("duplicates", equalTo(17));
        metrics(shop, "2026-03-09", "2026-03-09").body("metrics.pcBounceRate", closeTo(0.5, 1e-6));
        // figures of TrafficMetricsTest.everyTrafficKeyOfOneDay
        metrics(shop, "2026-03-10", "2026-03-10").body("metrics.visitors", equalTo(6))
                .body("metrics.returningVisitors", equalTo(2)).body("metrics.bounceRate", closeTo(4 / 6.0, 1e-6))
                .body("metrics.wapVisitors", equalTo(3)).body("metrics.shopFavoriteUsers", equalTo(2))
                .body("metrics.viewedProducts", equalTo(2));
    }
}
