package storeops.gateway.service;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The join endpoints take at most 100,000 ids or queries a call (docs/service-contracts.md): a
 * longer list goes in parts, all at once, and the join counts only when every part answered.
 */
final class JoinBatches {

    static final int LIMIT = 100_000;

    private JoinBatches() {
    }

    /** The list in parts of at most {@link #LIMIT}; an empty list is one empty part (the call is still made). */
    static <T> List<List<T>> parts(Collection<T> all) {
        List<T> list = all instanceof List<T> given ? given : List.copyOf(all);
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < list.size(); i += LIMIT) {
            parts.add(list.subList(i, Math.min(list.size(), i + LIMIT)));
        }
        if (parts.isEmpty()) {
            parts.add(List.of());
        }
        return parts;
    }

    /** Every part's answer in order, or empty when one of them did not come. */
    static <T> Uni<Optional<List<T>>> all(List<Uni<Optional<T>>> calls) {
        return Uni.combine().all().unis(calls).with(results -> {
            List<T> answers = new ArrayList<>();
            for (Object result : results) {
                @SuppressWarnings("unchecked")
                Optional<T> part = (Optional<T>) result;
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                answers.add(part.get());
            }
            return Optional.of(answers);
        });
    }
}
