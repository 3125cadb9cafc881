-- The VIEWs each batch inserted, one row per batch and natural day, packed as sorted 8-byte
-- numbers (visitor key, time within the day, source; see ViewLog). last-visits reads these few
-- blobs per day and answers a month of payments from memory, where reading every buyer's views
-- from the event index cost one index dive per payment (about a second for 48,000 payments).
-- Rows are only added (a day's rows are merged into one now and then); a replayed event is in no
-- row, since only the events a batch inserted are logged.
CREATE TABLE view_log (
    shop_id  VARCHAR(64) NOT NULL,
    day      DATE        NOT NULL,
    chunk_id BIGINT      NOT NULL,
    views    INT         NOT NULL,
    packed   LONGBLOB    NOT NULL,
    PRIMARY KEY (shop_id, day, chunk_id)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Days whose views are not all in the log: days stored before it, and days with a view the
-- packing cannot hold. last-visits reads the events of these days instead.
CREATE TABLE view_log_incomplete (
    shop_id VARCHAR(64) NOT NULL,
    day     DATE        NOT NULL,
    PRIMARY KEY (shop_id, day)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO view_log_incomplete (shop_id, day) SELECT DISTINCT shop_id, day FROM traffic_event;
