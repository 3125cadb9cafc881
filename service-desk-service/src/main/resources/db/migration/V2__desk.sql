-- Instants are BIGINT epoch milliseconds (see EpochMillisConverter). A `day` column is the natural
-- day (YYYY-MM-DD) in the shop's zone, fixed when the row is written, so that periods are ranges.

CREATE TABLE conversations (
    shop_id            VARCHAR(64)   NOT NULL,
    conversation_id    VARCHAR(128)  NOT NULL,
    buyer_id           VARCHAR(128)  NOT NULL,
    agent_id           VARCHAR(128)  NOT NULL,
    started_at         BIGINT        NOT NULL,
    day                CHAR(10)      NOT NULL,
    first_buyer_message_at BIGINT    NULL,
    first_response_ms  BIGINT        NULL,
    rounds             INT           NOT NULL DEFAULT 0,
    answered_rounds    INT           NOT NULL DEFAULT 0,
    answered_within_target INT       NOT NULL DEFAULT 0,
    response_ms_sum    BIGINT        NOT NULL DEFAULT 0,
    waiting_since      BIGINT        NULL,
    message_count      INT           NOT NULL DEFAULT 0,
    version            BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, conversation_id)
);
CREATE INDEX ix_conversations_day ON conversations (shop_id, day, buyer_id);
CREATE INDEX ix_conversations_agent ON conversations (shop_id, agent_id, day);

CREATE TABLE conversation_messages (
    shop_id            VARCHAR(64)   NOT NULL,
    conversation_id    VARCHAR(128)  NOT NULL,
    message_key        CHAR(64)      NOT NULL,
    seq                INT           NOT NULL,
    sender             VARCHAR(8)    NOT NULL,
    sent_at            BIGINT        NOT NULL,
    text               TEXT          NULL,
    PRIMARY KEY (shop_id, conversation_id, message_key)
);

CREATE TABLE tickets (
    shop_id            VARCHAR(64)   NOT NULL,
    ticket_id          VARCHAR(128)  NOT NULL,
    type               VARCHAR(16)   NOT NULL,
    order_no           VARCHAR(64)   NULL,
    buyer_id           VARCHAR(128)  NULL,
    assignee           VARCHAR(128)  NULL,
    priority           VARCHAR(8)    NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    note               VARCHAR(2000) NULL,
    opened_at          BIGINT        NOT NULL,
    deadline_at        BIGINT        NOT NULL,
    paused_ms          BIGINT        NOT NULL DEFAULT 0,
    waiting_since      BIGINT        NULL,
    clock_stopped_at   BIGINT        NULL,
    resolved_at        BIGINT        NULL,
    closed_at          BIGINT        NULL,
    last_event_at      BIGINT        NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, ticket_id)
);
CREATE INDEX ix_tickets_opened ON tickets (shop_id, opened_at);
CREATE INDEX ix_tickets_status ON tickets (shop_id, status, assignee);

CREATE TABLE ticket_history (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    shop_id            VARCHAR(64)   NOT NULL,
    ticket_id          VARCHAR(128)  NOT NULL,
    event              VARCHAR(16)   NOT NULL,
    from_status        VARCHAR(16)   NULL,
    to_status          VARCHAR(16)   NOT NULL,
    at                 BIGINT        NOT NULL,
    assignee           VARCHAR(128)  NULL,
    note               VARCHAR(2000) NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_ticket_history_ticket ON ticket_history (shop_id, ticket_id, id);
CREATE INDEX ix_ticket_history_at ON ticket_history (shop_id, at);

CREATE TABLE ratings (
    shop_id            VARCHAR(64)   NOT NULL,
    order_no           VARCHAR(64)   NOT NULL,
    buyer_id           VARCHAR(128)  NOT NULL,
    rated_at           BIGINT        NOT NULL,
    day                CHAR(10)      NOT NULL,
    description        INT           NULL,
    service            INT           NULL,
    logistics          INT           NULL,
    low_score          BOOLEAN       NOT NULL DEFAULT FALSE,
    version            BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, order_no)
);
CREATE INDEX ix_ratings_day ON ratings (shop_id, day);

CREATE TABLE shift_events (
    shop_id            VARCHAR(64)   NOT NULL,
    agent_id           VARCHAR(128)  NOT NULL,
    at                 BIGINT        NOT NULL,
    event              VARCHAR(16)   NOT NULL,
    PRIMARY KEY (shop_id, agent_id, at, event)
);

CREATE TABLE handovers (
    shop_id            VARCHAR(64)   NOT NULL,
    handover_id        VARCHAR(128)  NOT NULL,
    outgoing_agent_id  VARCHAR(128)  NOT NULL,
    incoming_agent_id  VARCHAR(128)  NULL,
    handed_over_at     BIGINT        NOT NULL,
    notes              VARCHAR(4000) NULL,
    status             VARCHAR(16)   NOT NULL,
    acknowledged_by    VARCHAR(128)  NULL,
    acknowledged_at    BIGINT        NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, handover_id)
);
CREATE INDEX ix_handovers_at ON handovers (shop_id, handed_over_at);

CREATE TABLE handover_items (
    shop_id            VARCHAR(64)   NOT NULL,
    handover_id        VARCHAR(128)  NOT NULL,
    kind               VARCHAR(16)   NOT NULL,
    ref_id             VARCHAR(128)  NOT NULL,
    PRIMARY KEY (shop_id, handover_id, kind, ref_id)
);
