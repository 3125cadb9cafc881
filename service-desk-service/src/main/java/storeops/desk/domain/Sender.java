package storeops.desk.domain;

/** Who wrote a chat message; a BOT message is never an answer to the buyer. */
public enum Sender {
    BUYER, AGENT, BOT
}
