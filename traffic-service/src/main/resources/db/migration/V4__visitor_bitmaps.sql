-- A dense integer per (shop, visitor), assigned on ingestion: the members of the day bitmaps.
CREATE TABLE visitor_key (
    shop_id     VARCHAR(64) NOT NULL,
    visitor_id  VARCHAR(64) NOT NULL,
    visitor_key INT         NOT NULL AUTO_INCREMENT UNIQUE,
    PRIMARY KEY (shop_id, visitor_id)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Per (shop, natural day, terminal group, audience) the set of visitor keys in that audience
-- (viewers, viewers of 2+ pages, per wireless terminal, home/detail page, favorite and cart people),
-- as a serialized RoaringBitmap. Sets only grow: ingestion ORs the keys of the visitor-days it
-- changed into them, under the row lock. version changes with every write (a random token), so a
-- copy cached in memory is valid while its version is the stored one.
CREATE TABLE visitor_bitmap (
    shop_id  VARCHAR(64) NOT NULL,
    day      DATE        NOT NULL,
    grp      CHAR(1)     NOT NULL,
    audience CHAR(1)     NOT NULL,
    version  BIGINT      NOT NULL,
    members  INT         NOT NULL,
    bits     LONGBLOB    NOT NULL,
    PRIMARY KEY (shop_id, day, grp, audience)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Days whose visitor-day rows predate the bitmaps: rebuilt from visitor_day before the shop's
-- first read (an OR into whatever ingestion added since, so rebuilding is safe at any time).
CREATE TABLE visitor_bitmap_pending (
    shop_id VARCHAR(64) NOT NULL,
    day     DATE        NOT NULL,
    PRIMARY KEY (shop_id, day)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO visitor_bitmap_pending (shop_id, day) SELECT DISTINCT shop_id, day FROM visitor_day;
