-- Cash on delivery (货到付款): the destination and the confirmation with the buyer before shipping.
CREATE TABLE cod_deliveries (
    shop_id       VARCHAR(64)   NOT NULL,
    order_no      VARCHAR(64)   NOT NULL,
    country       VARCHAR(8)    NOT NULL,
    region        VARCHAR(64)   NOT NULL,
    status        VARCHAR(32)   NOT NULL,
    registered_at BIGINT        NOT NULL,
    confirmed_at  BIGINT        NULL,
    confirmed_by  VARCHAR(128)  NULL,
    note          VARCHAR(500)  NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, order_no)
);
