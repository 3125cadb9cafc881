package storeops.traffic.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import storeops.common.problem.ProblemException;
import storeops.common.time.ShopCalendar;
import storeops.traffic.config.TrafficConfig;
import storeops.traffic.domain.PageType;
import storeops.traffic.domain.Source;
import storeops.traffic.domain.Terminal;
import storeops.traffic.domain.VisitAction;
import storeops.traffic.domain.VisitEvent;

/**
 * Reads a batch of events as a JSON array or as NDJSON, streaming, so that one event with a bad
 * field is refused alone while a body that is not a list of objects, or too long, is refused whole
 * (a 400 that stores nothing).
 */
@ApplicationScoped
public class EventBatchReader {

    static final int MAX_ID_LENGTH = 64;
    static final int MAX_DWELL_SECONDS = 86_400;

    private final JsonFactory json;
    private final ShopCalendar calendar;
    private final TrafficConfig config;

    public EventBatchReader(ObjectMapper mapper, ShopCalendar calendar, TrafficConfig config) {
        this.json = mapper.getFactory();
        this.calendar = calendar;
        this.config = config;
    }

    public EventBatch readArray(String shopId, InputStream body) {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("The body must be a JSON array of events");
            }
            Collector collector = new Collector(shopId);
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw ProblemException.badRequest("Malformed JSON: the array is not closed");
                }
                collector.add(parser, token);
            }
            if (parser.nextToken() != null) {
                throw ProblemException.badRequest("Malformed JSON: content after the array");
            }
            return collector.batch();
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read: " + e.getMessage());
        }
    }

    /** One JSON object per line (application/x-ndjson); blank lines are allowed. */
    public EventBatch readNdjson(String shopId, InputStream body) {
        try (JsonParser parser = json.createParser(body)) {
            Collector collector = new Collector(shopId);
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                collector.add(parser, token);
            }
            return collector.batch();
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("Malformed NDJSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read: " + e.getMessage());
        }
    }

    private final class Collector {
        private final String shopId;
        private final List<EventBatch.Indexed> events = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private int index;

        Collector(String shopId) {
            this.shopId = shopId;
        }

        void add(JsonParser parser, JsonToken token) throws IOException {
            if (token != JsonToken.START_OBJECT) {
                throw ProblemException.badRequest("Event " + index + " is not a JSON object");
            }
            if (index >= config.ingest().maxBatch()) {
                throw ProblemException.badRequest("A batch holds at most " + config.ingest().maxBatch() + " events");
            }
            Map<String, String> fields = new HashMap<>();
            String invalid = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    invalid = invalid == null ? name + ": must be a plain value" : invalid;
                } else if (value != JsonToken.VALUE_NULL) {
                    fields.put(name, parser.getText());
                }
            }
            try {
                if (invalid != null) {
                    throw new IllegalArgumentException(invalid);
                }
                events.add(new EventBatch.Indexed(index, toEvent(fields)));
            } catch (IllegalArgumentException e) {
                rejections.add(new Rejection(index, fields.get("eventId"), e.getMessage()));
            }
            index++;
        }

        private VisitEvent toEvent(Map<String, String> f) {
            String eventId = id(f, "eventId");
            String visitorId = id(f, "visitorId");
            Instant occurredAt = instant(f.get("occurredAt"));
            Terminal terminal = required(f, "terminal", Terminal.class);
            PageType page = required(f, "page", PageType.class);
            String productId = f.get("productId");
            if (productId != null && (productId.isBlank() || productId.length() > MAX_ID_LENGTH)) {
                throw new IllegalArgumentException("productId: must be 1 to " + MAX_ID_LENGTH + " characters");
            }
            Source source = f.containsKey("source") ? value("source", f.get("source"), Source.class) : Source.OTHER;
            VisitAction action = f.containsKey("action")
                    ? value("action", f.get("action"), VisitAction.class) : VisitAction.VIEW;
            int dwell = dwell(f.get("dwellSeconds"));
            return new VisitEvent(eventId, visitorId, occurredAt, calendar.dayOf(shopId, occurredAt), terminal, page,
                    productId, source, action, dwell);
        }

        EventBatch batch() {
            return new EventBatch(index, events, rejections);
        }
    }

    private static String id(Map<String, String> f, String name) {
        String value = f.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": is required");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(name + ": at most " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    private static Instant instant(String value) {
        if (value == null) {
            throw new IllegalArgumentException("occurredAt: is required");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("occurredAt: '" + value + "' is not an ISO-8601 instant with offset");
        }
    }

    private static <E extends Enum<E>> E required(Map<String, String> f, String name, Class<E> type) {
        String value = f.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + ": is required");
        }
        return value(name, value, type);
    }

    private static <E extends Enum<E>> E value(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": unknown value '" + value + "', expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static int dwell(String value) {
        if (value == null) {
            return 0;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds < 0 || seconds > MAX_DWELL_SECONDS) {
                throw new IllegalArgumentException("dwellSeconds: must be between 0 and " + MAX_DWELL_SECONDS);
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dwellSeconds: '" + value + "' is not a whole number of seconds");
        }
    }
}
