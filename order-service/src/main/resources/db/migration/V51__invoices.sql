-- Invoice requests (发票): never refused, never charged; each keeps a status until issued.
CREATE TABLE invoice_requests (
    shop_id       VARCHAR(64)   NOT NULL,
    request_id    VARCHAR(64)   NOT NULL,
    order_no      VARCHAR(64)   NOT NULL,
    title_type    VARCHAR(16)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    tax_number    VARCHAR(32)   NULL,
    delivery      VARCHAR(16)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    requested_at  BIGINT        NOT NULL,
    issued_at     BIGINT        NULL,
    invoice_no    VARCHAR(64)   NULL,
    mailed_at     BIGINT        NULL,
    carrier       VARCHAR(64)   NULL,
    tracking_no   VARCHAR(64)   NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, request_id)
);
CREATE INDEX ix_invoice_open ON invoice_requests (shop_id, status, requested_at);

CREATE TABLE invoice_status_history (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    shop_id     VARCHAR(64)   NOT NULL,
    request_id  VARCHAR(64)   NOT NULL,
    from_status VARCHAR(16)   NULL,
    to_status   VARCHAR(16)   NOT NULL,
    event       VARCHAR(16)   NOT NULL,
    at_ms       BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
