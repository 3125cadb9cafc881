package storeops.desk.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import storeops.common.persistence.EpochMillisConverter;
import storeops.common.problem.IllegalTransitionException;

/** A shift handover (交接班): what the outgoing agent leaves, acknowledged by the incoming one. */
@Entity
@Table(name = "handovers")
@IdClass(ShopScopedKey.class)
public class Handover {

    public enum Status { PENDING, ACKNOWLEDGED }

    @Id
    @Column(name = "shop_id")
    public String shopId;

    @Id
    @Column(name = "handover_id")
    public String id;

    @Column(name = "outgoing_agent_id", nullable = false)
    public String outgoingAgentId;

    @Column(name = "incoming_agent_id")
    public String incomingAgentId;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "handed_over_at", nullable = false)
    public Instant handedOverAt;

    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.PENDING;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "handover_items", joinColumns = {
            @JoinColumn(name = "shop_id", referencedColumnName = "shop_id"),
            @JoinColumn(name = "handover_id", referencedColumnName = "handover_id")})
    public List<HandoverItem> items = new ArrayList<>();

    /**
     * The incoming agent takes the shift over. Answers false for a replay by the same agent; a
     * handover meant for someone else, or already taken over by another agent, is a 409.
     */
    public boolean acknowledge(String agentId, Instant at) {
        if (status == Status.ACKNOWLEDGED) {
            if (agentId.equals(acknowledgedBy)) {
                return false;
            }
            throw new IllegalTransitionException("Handover " + id, status, "acknowledge");
        }
        if (incomingAgentId != null && !incomingAgentId.equals(agentId)) {
            throw new IllegalTransitionException("Handover " + id + " for " + incomingAgentId, status,
                    "acknowledge by " + agentId);
        }
        status = Status.ACKNOWLEDGED;
        incomingAgentId = agentId;
        acknowledgedBy = agentId;
        acknowledgedAt = at;
        return true;
    }

    public List<String> refs(HandoverItem.Kind kind) {
        return items.stream().filter(i -> i.kind == kind).map(i -> i.refId).toList();
    }
}
