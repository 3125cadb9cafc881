package storeops.desk.rest;

import jakarta.ws.rs.Path;
import storeops.common.version.DataVersionEndpoint;
import storeops.common.version.DataVersions;

@Path("/shops/{shopId}/desk/data-version")
public class DeskDataVersionResource extends DataVersionEndpoint {

    public DeskDataVersionResource(DataVersions versions) {
        super(versions);
    }
}
