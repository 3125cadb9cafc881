package storeops.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import storeops.gateway.config.JsonTimes;

/** The positional readers of the services' instants and days agree with java.time, and defer to it. */
class JsonTimesTest {

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonTimes().customize(mapper);
        return mapper;
    }

    @Test
    void utcInstantsReadAsJavaTimeReadsThem() throws Exception {
        for (String text : new String[] {"2026-02-27T02:56:25Z", "2026-02-27T02:56:25.5Z", "2026-02-27T02:56:25.120Z",
                "2026-02-27T02:56:25.123456789Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z"}) {
            assertEquals(Instant.parse(text), mapper.readValue('"' + text + '"', Instant.class), text);
        }
    }

    @Test
    void otherShapesGoToTheStandardReader() throws Exception {
        // an offset other than Z, and epoch numbers, are read as the JSR-310 module reads them
        assertEquals(Instant.parse("2026-02-27T02:56:25Z"), mapper.readValue("\"2026-02-27T10:56:25+08:00\"", Instant.class));
        assertEquals(Instant.ofEpochSecond(1_772_160_985L), mapper.readValue("1772160985", Instant.class));
        assertEquals(LocalDate.of(2026, 2, 27), mapper.readValue("\"2026-02-27\"", LocalDate.class));
        ObjectMapper standard = new ObjectMapper().registerModule(new JavaTimeModule());
        assertEquals(standard.readValue("\"2026-02-27T24:00:00Z\"", Instant.class),
                mapper.readValue("\"2026-02-27T24:00:00Z\"", Instant.class), "hour 24 as java.time reads it");
    }

    @Test
    void impossibleTimesAreStillRefused() {
        assertThrows(JsonMappingException.class, () -> mapper.readValue("\"2026-02-30T00:00:00Z\"", Instant.class));
        assertThrows(JsonMappingException.class, () -> mapper.readValue("\"2026-02-30\"", LocalDate.class));
        assertThrows(JsonMappingException.class, () -> mapper.readValue("\"2026-2-7\"", LocalDate.class));
    }
}
