-- Bumped by every ingestion that stored something: a cached metrics answer is valid while the
-- shop's version is the one it was computed at, on any instance of the service.
CREATE TABLE traffic_version (
    shop_id VARCHAR(64) NOT NULL,
    version BIGINT      NOT NULL,
    PRIMARY KEY (shop_id)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
