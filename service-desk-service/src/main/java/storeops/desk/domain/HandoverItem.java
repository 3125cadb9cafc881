package storeops.desk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Something the outgoing shift leaves: an open ticket or a conversation whose buyer still waits. */
@Embeddable
public class HandoverItem {

    public enum Kind { TICKET, CONVERSATION }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "ref_id", nullable = false)
    public String refId;

    public HandoverItem() {
    }

    public HandoverItem(Kind kind, String refId) {
        this.kind = kind;
        this.refId = refId;
    }
}
