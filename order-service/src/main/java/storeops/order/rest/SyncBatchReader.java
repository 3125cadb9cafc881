package storeops.order.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import storeops.common.problem.ProblemException;
import storeops.order.service.SyncItem;

/**
 * Reads a sync body element by element, so that one order with bad fields is rejected alone
 * (with its index and reason) instead of failing the whole batch.
 */
@ApplicationScoped
public class SyncBatchReader {

    public static final int MAX_BATCH = 5_000;

    private final ObjectMapper mapper;
    private final Validator validator;

    public SyncBatchReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public List<SyncItem> read(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ProblemException.badRequest("The body must be a JSON array of orders");
        }
        if (body.size() > MAX_BATCH) {
            throw ProblemException.badRequest("A sync batch holds at most " + MAX_BATCH + " orders, this one "
                    + body.size());
        }
        List<SyncItem> items = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            if (!body.get(i).isObject()) {
                throw ProblemException.badRequest("Element " + i + " of the batch is not a JSON object");
            }
        }
        for (int i = 0; i < body.size(); i++) {
            items.add(readOne(i, body.get(i)));
        }
        return items;
    }

    private SyncItem readOne(int index, JsonNode node) {
        String orderNo = node.path("orderNo").isTextual() ? node.get("orderNo").asText() : null;
        OrderPayload payload;
        try {
            payload = mapper.treeToValue(node, OrderPayload.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return SyncItem.unreadable(index, orderNo, field + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return SyncItem.unreadable(index, orderNo, e.getOriginalMessage());
        }
        if (orderNo == null || orderNo.isBlank()) {
            return SyncItem.unreadable(index, orderNo, "orderNo: is required inside a sync batch");
        }
        Set<ConstraintViolation<OrderPayload>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            return SyncItem.unreadable(index, orderNo, violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return SyncItem.of(index, orderNo, payload.toSnapshot());
    }
}
