-- The trade lifecycle: deadlines the jobs look up by index, receipt extensions, the receiver
-- (stored as given, masked on the way out), the seller memo, and the status history.
-- one column per statement: H2 (the embedded demo) takes a single ADD COLUMN per ALTER
ALTER TABLE orders ADD COLUMN pay_timeout_minutes INT NULL;
ALTER TABLE orders ADD COLUMN pay_deadline BIGINT NULL;
ALTER TABLE orders ADD COLUMN receipt_deadline BIGINT NULL;
ALTER TABLE orders ADD COLUMN receipt_extension_days INT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN buyer_extended BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE orders ADD COLUMN receiver_name VARCHAR(128) NULL;
ALTER TABLE orders ADD COLUMN receiver_phone VARCHAR(32) NULL;
ALTER TABLE orders ADD COLUMN receiver_address VARCHAR(500) NULL;
ALTER TABLE orders ADD COLUMN memo_flag VARCHAR(16) NULL;
ALTER TABLE orders ADD COLUMN memo_note VARCHAR(1000) NULL;
ALTER TABLE orders ADD COLUMN memo_by VARCHAR(128) NULL;
ALTER TABLE orders ADD COLUMN memo_at BIGINT NULL;

-- the jobs scan every shop by status and deadline
CREATE INDEX ix_orders_pay_deadline ON orders (status, pay_deadline);
CREATE INDEX ix_orders_receipt_deadline ON orders (status, receipt_deadline);
-- the 365-day returning-buyer look-back probes one buyer's payments
CREATE INDEX ix_orders_buyer_paid ON orders (shop_id, buyer_id, paid_at);
CREATE INDEX ix_orders_shipped ON orders (shop_id, shipped_at);

ALTER TABLE order_lines ADD COLUMN shipped_at BIGINT NULL;

CREATE TABLE order_status_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    shop_id     VARCHAR(64)  NOT NULL,
    order_no    VARCHAR(64)  NOT NULL,
    from_status VARCHAR(32)  NULL,
    to_status   VARCHAR(32)  NOT NULL,
    event       VARCHAR(32)  NOT NULL,
    actor       VARCHAR(16)  NOT NULL,
    reason      VARCHAR(255) NULL,
    at_ms       BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_status_history_order ON order_status_history (shop_id, order_no, id);
