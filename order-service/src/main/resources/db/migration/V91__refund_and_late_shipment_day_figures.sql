-- The refund and late-shipment keys read per-day rollups too, recomputed with the trade's figures
-- when a day is marked in order_day_dirty (a refund write marks the day it was applied for and its
-- order's payment day).

-- In-sale refund requests applied for on the day: their amounts and the buyers of their orders
-- (a serialized RoaringBitmap of order_buyer_key), ORed over days for exact distinct counts.
CREATE TABLE refund_day_figures (
    shop_id    VARCHAR(64)   NOT NULL,
    epoch_day  INT           NOT NULL,
    requests   INT           NOT NULL,
    amount     DECIMAL(16,2) NOT NULL,
    buyers     LONGBLOB      NULL,
    PRIMARY KEY (shop_id, epoch_day)
);

-- What the orders paid on pay_day owe for late shipment, by the day the liability belongs to (the
-- deadline's day, or the day of an out-of-stock refund), as if every deadline had passed. Orders
-- whose liability still depends on the time of the query (paid, unshipped, not ended before the
-- deadline) leave their latest deadline in open_deadline: a read at an earlier time looks at them.
CREATE TABLE late_shipment_day_figures (
    shop_id        VARCHAR(64)   NOT NULL,
    pay_day        INT           NOT NULL,
    liability_day  INT           NOT NULL,
    orders         INT           NOT NULL,
    amount         DECIMAL(16,2) NOT NULL,
    open_deadline  BIGINT        NULL,
    PRIMARY KEY (shop_id, pay_day, liability_day)
);
CREATE INDEX ix_late_shipment_day ON late_shipment_day_figures (shop_id, liability_day, amount);
CREATE INDEX ix_late_shipment_open ON late_shipment_day_figures (shop_id, open_deadline);

-- The days these rollups need computed: every payment day and every refund's day (a superset, any zone).
INSERT IGNORE INTO order_day_dirty (shop_id, epoch_day)
SELECT DISTINCT d.shop_id, d.utc_day + s.shift FROM (
    SELECT shop_id, FLOOR(paid_at / 86400000) AS utc_day FROM orders WHERE paid_at IS NOT NULL
    UNION SELECT shop_id, FLOOR(applied_at / 86400000) FROM refunds
) d CROSS JOIN (SELECT -1 AS shift UNION ALL SELECT 0 UNION ALL SELECT 1) s;
