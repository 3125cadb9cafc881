-- last-visits reads a buyer's VIEWs with their source: with action and source in the index the read
-- never touches the wide event rows (one random primary-key lookup per view made 60,000 queries
-- take seconds).
DROP INDEX ix_traffic_event_visitor ON traffic_event;
CREATE INDEX ix_traffic_event_visitor_views ON traffic_event (shop_id, visitor_id, occurred_at, action, source);
