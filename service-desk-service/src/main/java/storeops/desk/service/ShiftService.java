package storeops.desk.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import storeops.common.problem.ProblemException;
import storeops.common.version.WrittenDays;
import storeops.desk.domain.ShiftState;
import storeops.desk.repository.ShiftRepository;
import storeops.desk.rest.ShiftPayload;
import storeops.desk.rest.ShiftResult;
import storeops.desk.rest.WriteOutcome;

/** Sign-in, breaks and sign-out of agents: appended in time order, a replay changes nothing. */
@ApplicationScoped
public class ShiftService {

    private final ShiftRepository shifts;
    private final Clock clock;

    private final WrittenDays written;

    public ShiftService(ShiftRepository shifts, Clock clock, WrittenDays written) {
        this.shifts = shifts;
        this.clock = clock;
        this.written = written;
    }

    @Transactional
    public ShiftResult record(String shopId, String agentId, ShiftPayload p) {
        // shifts feed the agents' daily report only: no metric or join of the data versions reads them
        written.declare(shopId);
        Instant at = p.at() == null ? clock.instant() : p.at();
        var last = shifts.last(shopId, agentId);
        ShiftState state = last.map(e -> ShiftState.after(e.event())).orElse(ShiftState.OFF);
        if (shifts.exists(shopId, agentId, p.event(), at)) {
            return new ShiftResult(agentId, p.event(), at, state, WriteOutcome.UNCHANGED);
        }
        if (last.isPresent() && at.isBefore(last.get().at())) {
            throw ProblemException.invalidField("at", "is before the agent's last shift event at " + last.get().at());
        }
        ShiftState next = state.on(p.event());
        shifts.insert(shopId, agentId, p.event(), at);
        return new ShiftResult(agentId, p.event(), at, next, WriteOutcome.CREATED);
    }
}
