-- Per-day rollups of the orders: a metrics read over a period adds up its days instead of
-- scanning the period's orders. Days are natural days in the shop's zone, stored as epoch days
-- (LocalDate.toEpochDay), so that migrations can compute them in portable SQL.

-- A dense integer per (shop, buyer) and per (shop, product): the members of the day sets. Keys
-- are compared in the orders' own collation, as the distinct counts over the orders were.
CREATE TABLE order_buyer_key (
    shop_id    VARCHAR(64)  NOT NULL,
    buyer_id   VARCHAR(128) NOT NULL,
    buyer_key  INT          NOT NULL AUTO_INCREMENT UNIQUE,
    PRIMARY KEY (shop_id, buyer_id)
);
CREATE TABLE order_product_key (
    shop_id     VARCHAR(64) NOT NULL,
    product_id  VARCHAR(64) NOT NULL,
    product_key INT         NOT NULL AUTO_INCREMENT UNIQUE,
    PRIMARY KEY (shop_id, product_id)
);

-- One row per (shop, day, basis, terminal): basis P = paid that day, O = placed (ordered) that day,
-- S = shipped that day, B = placed that day and paid on paid_day (0 for the other bases). terminal
-- is a Terminal or ALL (the whole day, every terminal). Sums add up over days; buyers and products
-- are serialized RoaringBitmaps of the keys above, ORed over days for exact distinct counts.
CREATE TABLE order_day_figures (
    shop_id       VARCHAR(64)   NOT NULL,
    epoch_day     INT           NOT NULL,
    basis         CHAR(1)       NOT NULL,
    terminal      VARCHAR(16)   NOT NULL,
    paid_day      INT           NOT NULL,
    parent_orders INT           NOT NULL,
    amount        DECIMAL(16,2) NOT NULL,
    child_orders  INT           NOT NULL,
    items         INT           NOT NULL,
    buyers        LONGBLOB      NULL,
    products      LONGBLOB      NULL,
    PRIMARY KEY (shop_id, epoch_day, basis, terminal, paid_day)
);

-- Days whose rollups no longer match the orders: every order write marks the days it leaves and
-- the days it enters in its own transaction; a read (or the rollup job) recomputes them first.
CREATE TABLE order_day_dirty (
    shop_id   VARCHAR(64) NOT NULL,
    epoch_day INT         NOT NULL,
    PRIMARY KEY (shop_id, epoch_day)
);

-- Orders stored before the rollups: their days are marked. The shop's zone is not known here, so
-- every day the instant can fall on in any zone (UTC day -1, 0, +1) is marked: a superset.
INSERT INTO order_day_dirty (shop_id, epoch_day)
SELECT DISTINCT d.shop_id, d.utc_day + s.shift FROM (
    SELECT shop_id, FLOOR(created_at / 86400000) AS utc_day FROM orders
    UNION SELECT shop_id, FLOOR(paid_at / 86400000) FROM orders WHERE paid_at IS NOT NULL
    UNION SELECT shop_id, FLOOR(shipped_at / 86400000) FROM orders WHERE shipped_at IS NOT NULL
) d CROSS JOIN (SELECT -1 AS shift UNION ALL SELECT 0 UNION ALL SELECT 1) s;
