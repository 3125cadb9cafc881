package storeops.desk.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Objects;
import storeops.common.time.ShopCalendar;
import storeops.common.version.WrittenDays;
import storeops.desk.config.DeskConfig;
import storeops.desk.domain.Ratio;
import storeops.desk.domain.Rating;
import storeops.desk.domain.TicketType;
import storeops.desk.repository.RatingRepository;
import storeops.desk.rest.Dsr;
import storeops.desk.rest.RatingPayload;
import storeops.desk.rest.RatingWriteResult;
import storeops.desk.rest.WriteOutcome;

/** Ratings, the rolling DSR, and the bad-review follow-up a low score calls for. */
@ApplicationScoped
public class RatingService {

    private final RatingRepository ratings;
    private final TicketService tickets;
    private final ShopCalendar calendar;
    private final DeskConfig config;
    private final WrittenDays written;

    public RatingService(RatingRepository ratings, TicketService tickets, ShopCalendar calendar, DeskConfig config,
            WrittenDays written) {
        this.ratings = ratings;
        this.tickets = tickets;
        this.calendar = calendar;
        this.config = config;
        this.written = written;
    }

    @Transactional
    public RatingWriteResult put(String shopId, String orderNo, RatingPayload p) {
        var existing = ratings.find(shopId, orderNo);
        Rating r = existing.orElseGet(Rating::new);
        LocalDate dayBefore = r.day;
        boolean same = existing.isPresent() && r.buyerId.equals(p.buyerId()) && r.ratedAt.equals(p.ratedAt())
                && Objects.equals(r.description, p.description()) && Objects.equals(r.service, p.service())
                && Objects.equals(r.logistics, p.logistics());
        r.shopId = shopId;
        r.id = orderNo;
        r.buyerId = p.buyerId();
        r.ratedAt = p.ratedAt();
        r.day = calendar.dayOf(shopId, p.ratedAt());
        r.description = p.description();
        r.service = p.service();
        r.logistics = p.logistics();
        r.lowScore = r.compositeBelow(config.lowScoreBelow());
        if (existing.isEmpty()) {
            ratings.persist(r);
        }
        // the scores count on the rating's day (the DSR of the 180 days after it reads that day)
        written.declare(shopId);
        if (!same) {
            written.add(shopId, r.day);
            if (dayBefore != null) {
                written.add(shopId, dayBefore);
            }
        }
        String ticketId = null;
        if (r.lowScore) {
            // one follow-up per rating: the id is derived from the order, so a replay finds it
            ticketId = "BAD_REVIEW-" + orderNo;
            tickets.openOnce(shopId, ticketId, TicketType.BAD_REVIEW, orderNo, r.buyerId, r.ratedAt,
                    "Low-score rating: description " + r.description + ", service " + r.service + ", logistics "
                            + r.logistics);
        }
        WriteOutcome outcome = existing.isEmpty() ? WriteOutcome.CREATED : same ? WriteOutcome.UNCHANGED
                : WriteOutcome.UPDATED;
        return new RatingWriteResult(orderNo, outcome, r.lowScore, ticketId);
    }

    /** DSR on day D: the mean per dimension of the scores given on D-179 .. D (the window is configurable). */
    public Dsr dsr(String shopId, LocalDate day) {
        var s = ratings.scores(shopId, day.minusDays(config.dsrWindowDays() - 1L), day);
        return new Dsr(day, Ratio.of(s.descriptionSum(), s.descriptionCount()),
                Ratio.of(s.serviceSum(), s.serviceCount()), Ratio.of(s.logisticsSum(), s.logisticsCount()));
    }
}
