package storeops.common.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.Map;

/** The shops' time zones: one default, overridable per shop (storeops.time.shop-zones."shop-1"=...). */
@ConfigMapping(prefix = "storeops.time")
public interface ShopTimeConfig {

    @WithDefault("Asia/Shanghai")
    ZoneId defaultZone();

    Map<String, ZoneId> shopZones();
}
