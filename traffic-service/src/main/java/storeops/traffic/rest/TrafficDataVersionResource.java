package storeops.traffic.rest;

import jakarta.ws.rs.Path;
import storeops.common.version.DataVersionEndpoint;
import storeops.common.version.DataVersions;

@Path("/shops/{shopId}/traffic/data-version")
public class TrafficDataVersionResource extends DataVersionEndpoint {

    public TrafficDataVersionResource(DataVersions versions) {
        super(versions);
    }
}
