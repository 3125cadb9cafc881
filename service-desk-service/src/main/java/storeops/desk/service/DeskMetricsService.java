package storeops.desk.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.desk.domain.Ratio;
import storeops.desk.domain.ResponseStats;
import storeops.desk.repository.ConversationStatsQuery;
import storeops.desk.repository.ConversationStatsQuery.Grouping;
import storeops.desk.repository.RatingRepository;
import storeops.desk.repository.TicketRepository;
import storeops.desk.rest.DayMetrics;
import storeops.desk.rest.Dsr;

/** The desk keys of metrics.csv, each put in one place (compose). */
@ApplicationScoped
public class DeskMetricsService {

    private final ConversationStatsQuery conversations;
    private final TicketRepository tickets;
    private final RatingRepository ratings;
    private final RatingService ratingService;
    private final ShopCalendar calendar;
    private final Clock clock;

    public DeskMetricsService(ConversationStatsQuery conversations, TicketRepository tickets, RatingRepository ratings,
            RatingService ratingService, ShopCalendar calendar, Clock clock) {
        this.conversations = conversations;
        this.tickets = tickets;
        this.ratings = ratings;
        this.ratingService = ratingService;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Map<String, Object> metrics(String shopId, DayPeriod period) {
        return compose(shopId, period, conversations.total(shopId, period));
    }

    public List<DayMetrics> daily(String shopId, DayPeriod period) {
        Map<String, ResponseStats> byDay = conversations.grouped(shopId, period, Grouping.DAY);
        List<DayMetrics> days = new ArrayList<>();
        for (LocalDate day : period.eachDay()) {
            days.add(new DayMetrics(day, compose(shopId, DayPeriod.ofDay(day),
                    byDay.getOrDefault(day.toString(), ResponseStats.NONE))));
        }
        return days;
    }

    private Map<String, Object> compose(String shopId, DayPeriod period, ResponseStats chats) {
        var opened = tickets.openedIn(shopId, calendar.startOf(shopId, period.from()),
                calendar.endOf(shopId, period.to()), clock.instant());
        // a period's DSR is the 180-day DSR on its last day
        Dsr dsr = ratingService.dsr(shopId, period.to());
        Map<String, Object> m = new LinkedHashMap<>();
        // conversations belong to the natural day of their startedAt (rules.md, counting rules)
        m.put("receivedBuyers", chats.receivedBuyers());
        m.put("firstResponseSeconds", chats.firstResponseSeconds());
        m.put("avgResponseSeconds", chats.avgResponseSeconds());
        m.put("replyRate", chats.replyRate());
        m.put("threeMinuteResponseRate", chats.threeMinuteResponseRate());
        // tickets opened in the period, judged as of now
        m.put("ticketResolutionRate", Ratio.of(opened.resolvedOrClosed(), opened.opened()));
        m.put("slaBreaches", opened.breached());
        m.put("dsrDescription", dsr.description());
        m.put("dsrService", dsr.service());
        m.put("dsrLogistics", dsr.logistics());
        m.put("dsrLowScoreBuyers", ratings.lowScoreBuyers(shopId, period));
        return m;
    }
}
