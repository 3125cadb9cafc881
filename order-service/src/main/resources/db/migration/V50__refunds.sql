-- Refunds and returns (Taobao refund statuses). Instants are BIGINT epoch milliseconds.
CREATE TABLE refunds (
    shop_id              VARCHAR(64)   NOT NULL,
    refund_id            VARCHAR(64)   NOT NULL,
    order_no             VARCHAR(64)   NOT NULL,
    line_no              INT           NOT NULL,
    amount               DECIMAL(14,2) NOT NULL,
    type                 VARCHAR(24)   NOT NULL,
    reason               VARCHAR(500)  NULL,
    reason_code          VARCHAR(32)   NOT NULL,
    phase                VARCHAR(16)   NOT NULL,
    status               VARCHAR(32)   NOT NULL,
    applied_at           BIGINT        NOT NULL,
    modified_at          BIGINT        NOT NULL,
    return_carrier       VARCHAR(64)   NULL,
    return_tracking_no   VARCHAR(64)   NULL,
    return_shipped_at    BIGINT        NULL,
    received_at          BIGINT        NULL,
    succeeded_at         BIGINT        NULL,
    closed_at            BIGINT        NULL,
    packaging_intact     BOOLEAN       NULL,
    tags_intact          BOOLEAN       NULL,
    accessories_complete BOOLEAN       NULL,
    resellable           BOOLEAN       NULL,
    quality_problem      BOOLEAN       NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, refund_id)
);
CREATE INDEX ix_refunds_order ON refunds (shop_id, order_no);
CREATE INDEX ix_refunds_applied ON refunds (shop_id, applied_at);

CREATE TABLE refund_status_history (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    shop_id     VARCHAR(64)   NOT NULL,
    refund_id   VARCHAR(64)   NOT NULL,
    from_status VARCHAR(32)   NULL,
    to_status   VARCHAR(32)   NOT NULL,
    event       VARCHAR(32)   NOT NULL,
    at_ms       BIGINT        NOT NULL,
    actor       VARCHAR(128)  NULL,
    detail      VARCHAR(500)  NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_refund_history ON refund_status_history (shop_id, refund_id, id);

-- What is requested or refunded per child order: a conditional UPDATE against the line's payment
-- keeps the sum within what was paid, also for concurrent applications.
CREATE TABLE refund_line_totals (
    shop_id   VARCHAR(64)   NOT NULL,
    order_no  VARCHAR(64)   NOT NULL,
    line_no   INT           NOT NULL,
    reserved  DECIMAL(14,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, order_no, line_no)
);
