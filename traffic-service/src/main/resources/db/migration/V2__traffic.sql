-- Ids compare byte for byte (utf8mb4_bin): visitor 'V1' and 'v1' are two people.
-- Raw visit events, kept for late arrivals and re-computation. The primary key makes a replayed
-- eventId a no-op (INSERT IGNORE); ingest_id tells a request which rows it inserted itself.
CREATE TABLE traffic_event (
    shop_id       VARCHAR(64)  NOT NULL,
    event_id      VARCHAR(64)  NOT NULL,
    visitor_id    VARCHAR(64)  NOT NULL,
    occurred_at   BIGINT       NOT NULL,
    day           DATE         NOT NULL,
    terminal      VARCHAR(12)  NOT NULL,
    page          VARCHAR(8)   NOT NULL,
    product_id    VARCHAR(64)  NULL,
    source        VARCHAR(16)  NOT NULL,
    action        VARCHAR(20)  NOT NULL,
    dwell_seconds INT          NOT NULL,
    ingest_id     BIGINT       NOT NULL,
    PRIMARY KEY (shop_id, event_id)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
-- last-visits: a buyer's last VIEW before an instant
CREATE INDEX ix_traffic_event_visitor ON traffic_event (shop_id, visitor_id, occurred_at);

-- One row per (shop, natural day, terminal group, visitor), maintained on ingestion. Distinct
-- counts over a period are exact COUNT(DISTINCT) over these rows, never over raw events.
-- prev_page_views is the row's page views before the last write, so that the writing
-- transaction sees the visitor's transition (new visitor, bounce) it caused.
CREATE TABLE visitor_day (
    shop_id            VARCHAR(64) NOT NULL,
    day                DATE        NOT NULL,
    grp                CHAR(1)     NOT NULL,
    visitor_id         VARCHAR(64) NOT NULL,
    page_views         INT         NOT NULL,
    prev_page_views    INT         NOT NULL,
    wap_views          INT         NOT NULL,
    taobao_app_views   INT         NOT NULL,
    tmall_app_views    INT         NOT NULL,
    home_views         INT         NOT NULL,
    detail_views       INT         NOT NULL,
    dwell_seconds      BIGINT      NOT NULL,
    home_dwell_seconds BIGINT      NOT NULL,
    shop_favorites     INT         NOT NULL,
    product_favorites  INT         NOT NULL,
    cart_adds          INT         NOT NULL,
    sources            INT         NOT NULL,
    PRIMARY KEY (shop_id, day, grp, visitor_id)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Products whose detail page was viewed, per day and terminal group.
CREATE TABLE product_day (
    shop_id    VARCHAR(64) NOT NULL,
    day        DATE        NOT NULL,
    grp        CHAR(1)     NOT NULL,
    product_id VARCHAR(64) NOT NULL,
    views      INT         NOT NULL,
    PRIMARY KEY (shop_id, day, grp, product_id)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Per (shop, day, terminal group) totals, maintained incrementally on ingestion: what the
-- daily means and sums of a period read, without touching the visitor rows.
CREATE TABLE traffic_day (
    shop_id            VARCHAR(64) NOT NULL,
    day                DATE        NOT NULL,
    grp                CHAR(1)     NOT NULL,
    visitors           INT         NOT NULL,
    bounced            INT         NOT NULL,
    page_views         BIGINT      NOT NULL,
    wap_views          BIGINT      NOT NULL,
    taobao_app_views   BIGINT      NOT NULL,
    tmall_app_views    BIGINT      NOT NULL,
    home_views         BIGINT      NOT NULL,
    detail_views       BIGINT      NOT NULL,
    dwell_seconds      BIGINT      NOT NULL,
    home_dwell_seconds BIGINT      NOT NULL,
    shop_favorites     BIGINT      NOT NULL,
    product_favorites  BIGINT      NOT NULL,
    cart_adds          BIGINT      NOT NULL,
    PRIMARY KEY (shop_id, day, grp)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE channel_spend (
    shop_id    VARCHAR(64)   NOT NULL,
    day        DATE          NOT NULL,
    channel    VARCHAR(16)   NOT NULL,
    amount     DECIMAL(14,2) NOT NULL,
    updated_at BIGINT        NOT NULL,
    PRIMARY KEY (shop_id, day, channel)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
