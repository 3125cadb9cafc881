-- Instants are BIGINT epoch milliseconds (see EpochMillisConverter); money is DECIMAL(14,2) yuan.
CREATE TABLE orders (
    shop_id          VARCHAR(64)   NOT NULL,
    order_no         VARCHAR(64)   NOT NULL,
    buyer_id         VARCHAR(128)  NOT NULL,
    terminal         VARCHAR(16)   NOT NULL,
    status           VARCHAR(32)   NOT NULL,
    created_at       BIGINT        NOT NULL,
    paid_at          BIGINT        NULL,
    deposit_paid_at  BIGINT        NULL,
    shipped_at       BIGINT        NULL,
    finished_at      BIGINT        NULL,
    closed_at        BIGINT        NULL,
    modified_at      BIGINT        NOT NULL,
    presale          BOOLEAN       NOT NULL DEFAULT FALSE,
    cod              BOOLEAN       NOT NULL DEFAULT FALSE,
    free_shipping    BOOLEAN       NOT NULL DEFAULT FALSE,
    freight          DECIMAL(14,2) NOT NULL DEFAULT 0,
    goods_amount     DECIMAL(14,2) NOT NULL DEFAULT 0,
    shipping_promise_hours INT     NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, order_no)
);
CREATE INDEX ix_orders_paid ON orders (shop_id, paid_at);
CREATE INDEX ix_orders_created ON orders (shop_id, created_at);
CREATE INDEX ix_orders_modified ON orders (shop_id, modified_at);

CREATE TABLE order_lines (
    shop_id     VARCHAR(64)   NOT NULL,
    order_no    VARCHAR(64)   NOT NULL,
    line_no     INT           NOT NULL,
    product_id  VARCHAR(64)   NOT NULL,
    sku_id      VARCHAR(64)   NULL,
    quantity    INT           NOT NULL,
    price       DECIMAL(14,2) NOT NULL,
    payment     DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (shop_id, order_no, line_no)
);

CREATE TABLE audit_log (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    shop_id        VARCHAR(64)   NULL,
    subject        VARCHAR(128)  NULL,
    at_ms          BIGINT        NOT NULL,
    method         VARCHAR(8)    NOT NULL,
    path           VARCHAR(500)  NOT NULL,
    status         INT           NOT NULL,
    remote_address VARCHAR(64)   NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_audit_shop_at ON audit_log (shop_id, at_ms);
