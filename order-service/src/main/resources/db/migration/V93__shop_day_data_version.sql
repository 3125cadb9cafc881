-- The tokens of single days (DataVersions): a write that declares the days it changed moves these
-- instead of the shop's own token, so readers of other periods keep what they composed.
CREATE TABLE shop_day_data_version (
    shop_id   VARCHAR(64) NOT NULL,
    epoch_day INT         NOT NULL,
    version   BIGINT      NOT NULL,
    PRIMARY KEY (shop_id, epoch_day)
);
