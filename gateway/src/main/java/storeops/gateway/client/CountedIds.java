package storeops.gateway.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * A JSON array of ids that the gateway only counts. Read without building a string per id: a
 * month's 45,000 ordered-and-paid buyers would otherwise be parsed, kept and dropped on every
 * composition for one number. The services' id lists are distinct (docs/service-contracts.md).
 * Not a record: its JSON form is the array, with no fields of its own.
 */
@JsonDeserialize(using = CountedIds.Reader.class)
public final class CountedIds {

    private final int size;

    public CountedIds(int size) {
        this.size = size;
    }

    public int size() {
        return size;
    }

    static final class Reader extends StdDeserializer<CountedIds> {

        Reader() {
            super(CountedIds.class);
        }

        @Override
        public CountedIds deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartArrayToken()) {
                return (CountedIds) context.handleUnexpectedToken(CountedIds.class, parser);
            }
            int count = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_STRING) {
                    return (CountedIds) context.handleUnexpectedToken(CountedIds.class, parser);
                }
                count++;
            }
            return new CountedIds(count);
        }
    }
}
