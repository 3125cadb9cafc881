-- buyer-orders reads the orders of up to 100,000 given buyers placed in a period: in buyer order
-- with the creation time and every answered column in the index, each buyer is one index range
-- and no row is read. ix_orders_buyer_paid (shop, buyer, paid_at) is a prefix of V54's
-- ix_orders_buyer_paid_terminal, so it goes: the orders table keeps its number of indexes.
DROP INDEX ix_orders_buyer_paid ON orders;
CREATE INDEX ix_orders_buyer_created ON orders (shop_id, buyer_id, created_at, terminal, goods_amount, paid_at);
