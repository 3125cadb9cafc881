package storeops.order.h2;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The embedded demo's database: H2 in MySQL mode with the options of the {@code %h2} profile, in
 * memory. The db-kind is a build-time property, so Quarkus re-augments for the tests using it.
 */
public class H2Profile implements QuarkusTestProfile {

    private static final String URL = "jdbc:h2:mem:order_h2;DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=DAY,VALUE,KEY,YEAR,MONTH,HOUR,MINUTE,SECOND,USER,ROWS,AT";

    @Override
    public Map<String, String> getConfigOverrides() {
        // the %test key too: a profiled key of application.properties would otherwise win
        return Map.of(
                "quarkus.datasource.db-kind", "h2",
                "quarkus.datasource.jdbc.url", URL,
                "%test.quarkus.datasource.jdbc.url", URL,
                "quarkus.datasource.username", "sa",
                "quarkus.datasource.password", "");
    }
}
