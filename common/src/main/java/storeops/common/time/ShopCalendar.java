package storeops.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Natural days (自然天) in a shop's own time zone, never the JVM's. */
@ApplicationScoped
public class ShopCalendar {

    private final ShopTimeConfig config;

    public ShopCalendar(ShopTimeConfig config) {
        this.config = config;
    }

    public ZoneId zoneOf(String shopId) {
        return config.shopZones().getOrDefault(shopId, config.defaultZone());
    }

    public LocalDate dayOf(String shopId, Instant instant) {
        return instant.atZone(zoneOf(shopId)).toLocalDate();
    }

    public Instant startOf(String shopId, LocalDate day) {
        return day.atStartOfDay(zoneOf(shopId)).toInstant();
    }

    /** The first instant after the day, so that a day is [startOf, endOf). */
    public Instant endOf(String shopId, LocalDate day) {
        return startOf(shopId, day.plusDays(1));
    }

    public LocalDate today(String shopId) {
        return LocalDate.now(zoneOf(shopId));
    }
}
