-- The gateway's joins read a period's first chats (per buyer and day, the earliest buyer message and
-- the agent of the first conversation) and its consulted buyers on every composition. Read through
-- (shop, day, buyer) they went back to the rows and sorted them by the buyer's utf8mb4 text: this
-- index holds every column they read, in the order first-chats groups them, so neither does.
CREATE INDEX ix_conversations_first_chats ON conversations
    (shop_id, day, buyer_id, started_at, conversation_id, agent_id, first_buyer_message_at);
DROP INDEX ix_conversations_day ON conversations;
