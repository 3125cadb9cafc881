package storeops.desk.service;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import storeops.common.problem.ProblemException;

/**
 * Two deliveries of the same id at the same moment (the IM tool or the ERP retrying) race: one of
 * them loses on the primary key or the version. Running the loser's transaction again turns it into
 * the replay it is; a second loss is answered 409 rather than a 500.
 */
public final class ConcurrentWrite {

    private ConcurrentWrite() {
    }

    public static <T> T retried(Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (RuntimeException first) {
            if (!isConflict(first)) {
                throw first;
            }
            try {
                return transaction.get();
            } catch (RuntimeException second) {
                if (!isConflict(second)) {
                    throw second;
                }
                throw ProblemException.conflict("A concurrent write of the same resource won; retry the request");
            }
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException) {
                return false;
            }
            if (t instanceof SQLIntegrityConstraintViolationException || t instanceof ConstraintViolationException
                    || t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
