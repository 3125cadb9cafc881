-- Items and child orders per parent, kept with the order: the metrics count them in the same scan
-- as amounts and buyers instead of joining every line.
ALTER TABLE orders ADD COLUMN item_count INT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN line_count INT NOT NULL DEFAULT 0;

UPDATE orders o SET
    item_count = (SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l WHERE l.shop_id = o.shop_id AND l.order_no = o.order_no),
    line_count = (SELECT COUNT(*) FROM order_lines l WHERE l.shop_id = o.shop_id AND l.order_no = o.order_no);
