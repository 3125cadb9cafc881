package storeops.gateway.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The metric dictionary (metrics.csv of the spec, copied into the jar): which keys exist, who
 * owns each and its Chinese name. The KPI answers list every key in this order, and a key whose
 * owner did not answer is what {@code missing} names.
 */
@ApplicationScoped
public class MetricCatalog {

    public record Metric(String no, String key, String nameZh, String owner, String multiDay) {
    }

    private final List<Metric> metrics;

    public MetricCatalog() {
        this.metrics = List.copyOf(load());
    }

    public List<Metric> all() {
        return metrics;
    }

    public List<String> keys() {
        return metrics.stream().map(Metric::key).toList();
    }

    public Set<String> keysOwnedBy(String owner) {
        return metrics.stream().filter(m -> m.owner().equals(owner)).map(Metric::key)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static List<Metric> load() {
        try (InputStream in = MetricCatalog.class.getResourceAsStream("/storeops/gateway/metrics.csv")) {
            if (in == null) {
                throw new IllegalStateException("metrics.csv is missing from the gateway's resources");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<Metric> all = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                List<String> cells = cells(lines[i]);
                all.add(new Metric(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4)));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 cells of one line: the definitions are quoted when they hold commas. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
