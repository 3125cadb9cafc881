package storeops.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The gateway answers every key of the metric dictionary from the copy in its jar; where the
 * specification sits beside the repository (../shared/spec), the copy must be the same text.
 */
class MetricCatalogSpecTest {

    @Test
    void theBundledDictionaryIsTheSpecification() throws IOException {
        Path spec = Path.of("..", "..", "shared", "spec", "metrics.csv").toAbsolutePath().normalize();
        assumeTrue(Files.exists(spec), "no specification beside the repository");
        try (InputStream bundled = getClass().getResourceAsStream("/storeops/gateway/metrics.csv")) {
            assertEquals(normalized(Files.readString(spec, StandardCharsets.UTF_8)),
                    normalized(new String(bundled.readAllBytes(), StandardCharsets.UTF_8)),
                    "refresh gateway/src/main/resources/storeops/gateway/metrics.csv from the specification");
        }
    }

    private static String normalized(String csv) {
        return csv.replace("\r\n", "\n").strip();
    }
}
