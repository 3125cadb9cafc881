package storeops.order.scheduler;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import storeops.order.service.DayFigures;

/**
 * Recomputes the per-day order figures that writes marked dirty, so that a read rarely finds more
 * than the last minute's days to recompute. Every replica runs it: the day's mark is its lock, so
 * two replicas never recompute one day at once (see DayFiguresStore).
 */
@ApplicationScoped
public class DayFiguresJob {

    private static final Logger LOG = Logger.getLogger(DayFiguresJob.class);

    private final DayFigures figures;

    public DayFiguresJob(DayFigures figures) {
        this.figures = figures;
    }

    @Scheduled(identity = "order-day-figures", every = "${storeops.order.jobs.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int recomputed = figures.refreshAll();
        if (recomputed > 0) {
            LOG.debugf("Recomputed %d dirty days of order figures", recomputed);
        }
    }
}
