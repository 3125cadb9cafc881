package storeops.desk.domain;

/** Ticket types of rules.md; AFTER_SALE and DISPUTE are the "problem orders". */
public enum TicketType {
    COMPLAINT, AFTER_SALE, DISPUTE, INVOICE, ADDRESS_CHANGE, BAD_REVIEW
}
