-- The token readers use to know when the shop's data changed (DataVersions); random, not counted.
CREATE TABLE shop_data_version (
    shop_id VARCHAR(64) NOT NULL,
    version BIGINT      NOT NULL,
    PRIMARY KEY (shop_id)
);
