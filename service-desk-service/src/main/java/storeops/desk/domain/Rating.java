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
import java.util.stream.Stream;
import storeops.common.persistence.EpochMillisConverter;

/** A buyer's scores (1 to 5, each optional) for one completed order. */
@Entity
@Table(name = "ratings")
@IdClass(ShopScopedKey.class)
public class Rating {

    @Id
    @Column(name = "shop_id")
    public String shopId;

    /** The order number: one rating per order. */
    @Id
    @Column(name = "order_no")
    public String id;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "rated_at", nullable = false)
    public Instant ratedAt;

    @Convert(converter = IsoDayConverter.class)
    @Column(nullable = false)
    public LocalDate day;

    public Integer description;
    public Integer service;
    public Integer logistics;

    /** Composite below the shop's threshold when written; kept so that counting is a plain query. */
    @Column(name = "low_score", nullable = false)
    public boolean lowScore;

    @Version
    public long version;

    /**
     * Composite below {@code threshold}: the sum of the non-empty scores over N, their number, compared
     * as sum < threshold x N so that 11/3 and 8/2 are judged exactly. No score, no composite.
     */
    public boolean compositeBelow(double threshold) {
        var given = Stream.of(description, service, logistics).filter(s -> s != null).toList();
        return !given.isEmpty() && given.stream().mapToInt(Integer::intValue).sum() < threshold * given.size();
    }
}
