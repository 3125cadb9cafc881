-- Per-channel viewer sets (audiences '0'..'6', one per source channel) join the day sets, and
-- visitor_day is no longer written: a visitor's page views before a batch, as far as visitors and
-- bounces need them, are read from the locked viewer sets. Every day stored with visitor-day rows
-- gets its channel sets built from them (an OR, like the other sets) before the shop's next read
-- or write of that day.
INSERT INTO visitor_bitmap_pending (shop_id, day)
SELECT DISTINCT v.shop_id, v.day FROM visitor_day v
WHERE NOT EXISTS (SELECT 1 FROM visitor_bitmap_pending p WHERE p.shop_id = v.shop_id AND p.day = v.day);
