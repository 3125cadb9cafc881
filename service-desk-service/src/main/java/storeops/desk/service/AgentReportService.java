package storeops.desk.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import storeops.common.time.DayPeriod;
import storeops.common.time.ShopCalendar;
import storeops.desk.domain.ResponseStats;
import storeops.desk.domain.TicketEvent;
import storeops.desk.domain.WorkTime;
import storeops.desk.repository.ConversationStatsQuery;
import storeops.desk.repository.ConversationStatsQuery.Grouping;
import storeops.desk.repository.ShiftRepository;
import storeops.desk.repository.TicketRepository;
import storeops.desk.rest.AgentDay;

/** The agent daily report: chats, tickets and work time per agent on one natural day. */
@ApplicationScoped
public class AgentReportService {

    /** How far back to look for the sign-in of a shift that runs into the day. */
    private static final int SHIFT_LOOKBACK_DAYS = 2;

    private final ConversationStatsQuery conversations;
    private final TicketRepository tickets;
    private final ShiftRepository shifts;
    private final ShopCalendar calendar;
    private final Clock clock;

    public AgentReportService(ConversationStatsQuery conversations, TicketRepository tickets, ShiftRepository shifts,
            ShopCalendar calendar, Clock clock) {
        this.conversations = conversations;
        this.tickets = tickets;
        this.shifts = shifts;
        this.calendar = calendar;
        this.clock = clock;
    }

    public List<AgentDay> daily(String shopId, LocalDate date) {
        Instant start = calendar.startOf(shopId, date);
        Instant end = calendar.endOf(shopId, date);
        Instant now = clock.instant();
        Map<String, ResponseStats> chats = conversations.grouped(shopId, DayPeriod.ofDay(date), Grouping.AGENT);
        Map<String, Long> handled = tickets.changedPerAssignee(shopId, start, end, null);
        Map<String, Long> resolved = tickets.changedPerAssignee(shopId, start, end, TicketEvent.RESOLVE);
        Map<String, Long> breached = tickets.breachedPerAssignee(shopId, start, end, now);
        Map<String, List<WorkTime.Event>> shiftEvents = shifts.byAgent(shopId,
                calendar.startOf(shopId, date.minusDays(SHIFT_LOOKBACK_DAYS)), end);
        TreeSet<String> agents = new TreeSet<>();
        agents.addAll(chats.keySet());
        agents.addAll(handled.keySet());
        agents.addAll(breached.keySet());
        shiftEvents.forEach((agent, events) -> {
            WorkTime w = WorkTime.of(events, start, end, now);
            if (w.workSeconds() > 0 || w.breakSeconds() > 0 || w.firstSignInAt() != null || w.lastSignOutAt() != null) {
                agents.add(agent);
            }
        });
        return agents.stream().map(agent -> {
            ResponseStats s = chats.getOrDefault(agent, ResponseStats.NONE);
            WorkTime w = WorkTime.of(shiftEvents.getOrDefault(agent, List.of()), start, end, now);
            return new AgentDay(agent, date, s.conversations(), s.receivedBuyers(), s.replyRate(),
                    s.firstResponseSeconds(), s.avgResponseSeconds(), s.threeMinuteResponseRate(),
                    handled.getOrDefault(agent, 0L), resolved.getOrDefault(agent, 0L), breached.getOrDefault(agent, 0L),
                    w.firstSignInAt(), w.lastSignOutAt(), w.workSeconds(), w.breakSeconds());
        }).toList();
    }
}
