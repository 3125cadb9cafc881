package storeops.desk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import storeops.common.persistence.EpochMillisConverter;

/**
 * A buyer's chat with the shop, received by one agent. It belongs to the natural day of its
 * {@code startedAt}, even when it runs past midnight. Its response figures are kept with it,
 * recomputed from all its messages whenever messages arrive.
 */
@Entity
@Table(name = "conversations")
@IdClass(ShopScopedKey.class)
public class Conversation {

    @Id
    @Column(name = "shop_id")
    public String shopId;

    @Id
    @Column(name = "conversation_id")
    public String id;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Convert(converter = IsoDayConverter.class)
    @Column(nullable = false)
    public LocalDate day;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "first_buyer_message_at")
    public Instant firstBuyerMessageAt;

    @Column(name = "first_response_ms")
    public Long firstResponseMs;

    public int rounds;

    @Column(name = "answered_rounds")
    public int answeredRounds;

    @Column(name = "answered_within_target")
    public int answeredWithinTarget;

    @Column(name = "response_ms_sum")
    public long responseMsSum;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "waiting_since")
    public Instant waitingSince;

    @Column(name = "message_count")
    public int messageCount;

    @Version
    public long version;

    public void record(ResponseRounds r, int messages) {
        firstBuyerMessageAt = r.firstBuyerMessageAt();
        firstResponseMs = r.firstResponseMs();
        rounds = r.rounds();
        answeredRounds = r.answeredRounds();
        answeredWithinTarget = r.answeredWithinTarget();
        responseMsSum = r.responseMsSum();
        waitingSince = r.waitingSince();
        messageCount = messages;
    }

    /** The buyer wrote and no agent has answered the last round yet. */
    public boolean unanswered() {
        return waitingSince != null;
    }
}
