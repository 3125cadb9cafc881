package storeops.traffic.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "storeops.traffic")
public interface TrafficConfig {

    Ingest ingest();

    Metrics metrics();

    LastVisits lastVisits();

    interface LastVisits {
        /**
         * Megabytes of logged day views kept in memory for last-visits (8 bytes a view: a day of
         * 200,000 views is 1.6 MB, the 37 days of a month's attribution about 60 MB); checked
         * against the stored chunks on every read. 0 loads them every time.
         */
        @WithDefault("128")
        int cacheMb();
    }

    interface Metrics {
        /**
         * Metric answers kept per (shop, period), valid while the shop's data version is unchanged;
         * 0 turns the cache off. A dashboard asks for the same periods again and again.
         */
        @WithDefault("512")
        int cacheSize();

        /**
         * Megabytes of day visitor sets (bitmaps) kept in memory, checked against the stored version
         * on every read so that a read loads only the days that changed; 0 loads them every time.
         */
        @WithDefault("128")
        int bitmapCacheMb();

        /**
         * Megabytes of unions of a period's day sets kept while those day sets stand still (a
         * month's union of one audience is about 40 KB); 0 composes every union.
         */
        @WithDefault("64")
        int unionCacheMb();
    }

    interface Ingest {
        /** Events in one POST; a larger batch is a 400 that stores nothing (contract.md). */
        @WithDefault("10000")
        int maxBatch();

        /**
         * Writes raw events with LOAD DATA LOCAL INFILE from an in-memory stream, several times
         * faster than multi-row INSERTs. Needs local_infile=ON on the server: MariaDB has it on,
         * MySQL 8 ships with it off, so a MySQL deployment sets this to false (a refusal by the
         * server also falls back to INSERTs on its own).
         */
        @WithDefault("true")
        boolean loadData();

        /** Rows per multi-row INSERT statement. */
        @WithDefault("1000")
        int rowsPerStatement();

        /**
         * Attempts of a batch's transaction when the database reports a deadlock or a concurrent
         * write, with a growing pause between them.
         */
        @WithDefault("6")
        int attempts();
    }
}
