package storeops.desk.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Optional;
import storeops.common.time.DayPeriod;
import storeops.desk.domain.Rating;
import storeops.desk.domain.ShopScopedKey;

@ApplicationScoped
public class RatingRepository implements PanacheRepositoryBase<Rating, ShopScopedKey> {

    /** Sums and counts of the scores given in a window, per dimension (empty scores are not counted). */
    public record ScoreSums(long descriptionSum, long descriptionCount, long serviceSum, long serviceCount,
            long logisticsSum, long logisticsCount) {
    }

    private final EntityManager em;

    public RatingRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Rating> find(String shopId, String orderNo) {
        return findByIdOptional(new ShopScopedKey(shopId, orderNo));
    }

    public ScoreSums scores(String shopId, LocalDate first, LocalDate last) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT SUM(description), COUNT(description), SUM(service),"
                + " COUNT(service), SUM(logistics), COUNT(logistics) FROM ratings"
                + " WHERE shop_id = ?1 AND day BETWEEN ?2 AND ?3")
                .setParameter(1, shopId).setParameter(2, first.toString()).setParameter(3, last.toString())
                .getSingleResult();
        return new ScoreSums(n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]));
    }

    public long lowScoreBuyers(String shopId, DayPeriod period) {
        return n(em.createNativeQuery("SELECT COUNT(DISTINCT buyer_id) FROM ratings"
                + " WHERE shop_id = ?1 AND day BETWEEN ?2 AND ?3 AND low_score = TRUE")
                .setParameter(1, shopId).setParameter(2, period.from().toString())
                .setParameter(3, period.to().toString()).getSingleResult());
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
