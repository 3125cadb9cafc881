package storeops.order.rest;

import jakarta.ws.rs.Path;
import storeops.common.version.DataVersionEndpoint;
import storeops.common.version.DataVersions;

@Path("/shops/{shopId}/orders/data-version")
public class OrderDataVersionResource extends DataVersionEndpoint {

    public OrderDataVersionResource(DataVersions versions) {
        super(versions);
    }
}
