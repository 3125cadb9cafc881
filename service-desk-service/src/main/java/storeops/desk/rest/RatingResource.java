package storeops.desk.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import storeops.common.security.Roles;
import storeops.desk.service.RatingService;
import storeops.desk.service.ConcurrentWrite;

@Path("/shops/{shopId}/ratings/{orderNo}")
public class RatingResource {

    private final RatingService ratings;

    public RatingResource(RatingService ratings) {
        this.ratings = ratings;
    }

    /** Ratings come from the platform through the ERP, or are entered by the operator. */
    @PUT
    @RolesAllowed({Roles.ERP, Roles.OPERATOR})
    public RatingWriteResult put(@PathParam("shopId") String shopId, @PathParam("orderNo") @Size(max = 64) String orderNo,
            @Valid @NotNull RatingPayload rating) {
        return ConcurrentWrite.retried(() -> ratings.put(shopId, orderNo, rating));
    }
}
