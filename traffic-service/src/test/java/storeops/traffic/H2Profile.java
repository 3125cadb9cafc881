package storeops.traffic;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The embedded demo app's database: H2 in MySQL mode with the options of the {@code %h2} profile,
 * in memory, and plain INSERTs for the events (H2 has no LOAD DATA).
 */
public class H2Profile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "h2",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:traffic_h2_test;DB_CLOSE_DELAY=-1;MODE=MySQL;"
                        + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                        + "NON_KEYWORDS=DAY,VALUE,KEY,YEAR,MONTH,HOUR,MINUTE,SECOND,USER,ROWS,AT",
                "quarkus.datasource.username", "sa",
                "quarkus.datasource.password", "",
                // a MySQL driver setting (a map entry cannot be removed, only turned off; H2 ignores it)
                "%test.quarkus.datasource.jdbc.additional-jdbc-properties.allowLoadLocalInfile", "false",
                "storeops.traffic.ingest.load-data", "false");
    }
}
