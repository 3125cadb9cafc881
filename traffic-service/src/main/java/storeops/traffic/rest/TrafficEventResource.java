package storeops.traffic.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import storeops.common.security.Roles;
import storeops.traffic.service.EventBatch;
import storeops.traffic.service.EventBatchReader;
import storeops.traffic.service.IngestResult;
import storeops.traffic.service.IngestionService;

@Path("/shops/{shopId}/traffic/events")
public class TrafficEventResource {

    public static final String NDJSON = "application/x-ndjson";

    private final EventBatchReader reader;
    private final IngestionService ingestion;

    public TrafficEventResource(EventBatchReader reader, IngestionService ingestion) {
        this.reader = reader;
        this.ingestion = ingestion;
    }

    /**
     * A JSON array of at most 10,000 events, or one event per line with Content-Type
     * application/x-ndjson. Idempotent by eventId; a bad event is refused alone.
     */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRACKER, Roles.OPERATOR})
    public IngestResult post(@PathParam("shopId") String shopId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        EventBatch batch = contentType != null && contentType.toLowerCase().startsWith(NDJSON)
                ? reader.readNdjson(shopId, body) : reader.readArray(shopId, body);
        return ingestion.ingest(shopId, batch);
    }
}
