package storeops.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JoinBatchesTest {

    @Test
    void aListOverTheLimitGoesInPartsAndAnEmptyOneStillAsks() {
        List<Integer> ids = IntStream.range(0, 250_001).boxed().toList();
        assertEquals(List.of(100_000, 100_000, 50_001), JoinBatches.parts(ids).stream().map(List::size).toList());
        assertEquals(List.of(List.of()), JoinBatches.parts(List.of()));
    }

    @Test
    void theJoinCountsOnlyWhenEveryPartAnswered() {
        assertEquals(Optional.of(List.of("a", "b")), JoinBatches.all(List.of(Uni.createFrom().item(Optional.of("a")),
                Uni.createFrom().item(Optional.of("b")))).await().indefinitely());
        assertTrue(JoinBatches.all(List.of(Uni.createFrom().item(Optional.of("a")),
                Uni.createFrom().item(Optional.<String>empty()))).await().indefinitely().isEmpty());
    }
}
