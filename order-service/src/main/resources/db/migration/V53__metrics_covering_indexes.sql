-- The metrics read a period's orders by payment or by creation time: with every column they count
-- in the index, a 30-day period of a large shop is one index range instead of the whole table.
CREATE INDEX ix_orders_paid_figures ON orders (shop_id, paid_at, terminal, buyer_id, goods_amount, line_count, item_count, created_at);
CREATE INDEX ix_orders_created_figures ON orders (shop_id, created_at, terminal, buyer_id, goods_amount, line_count, item_count, paid_at);
