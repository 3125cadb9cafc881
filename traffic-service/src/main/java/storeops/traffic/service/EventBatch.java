package storeops.traffic.service;

import java.util.List;
import storeops.traffic.domain.VisitEvent;

/** A parsed batch: the valid events (with their positions) and the events refused alone. */
public record EventBatch(int size, List<Indexed> events, List<Rejection> rejections) {

    public record Indexed(int index, VisitEvent event) {
    }
}
