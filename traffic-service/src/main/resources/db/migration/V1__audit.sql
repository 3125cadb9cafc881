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
