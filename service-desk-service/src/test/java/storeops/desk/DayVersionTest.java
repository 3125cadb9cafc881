package storeops.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static storeops.desk.Api.as;
import static storeops.desk.Api.conversation;
import static storeops.desk.Api.message;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The data versions of ranges of days: a conversation moves its day and its messages' days, a
 * replay moves none, and a write that declares no day (a rating) moves every day.
 */
@QuarkusTest
class DayVersionTest {

    private static String version(String shop, String range) {
        return as(shop, "analyst").get("/shops/{s}/desk/data-version" + range, shop).then().statusCode(200)
                .extract().path("version");
    }

    @Test
    void aConversationMovesTheDaysOfItsMessages() {
        String shop = "desk-day-version";
        String aug1 = "?from=2026-08-01&to=2026-08-01";
        String aug2 = "?from=2026-08-02&to=2026-08-02";
        String later = "?from=2026-08-03&to=2026-08-31";
        String aug1Before = version(shop, aug1);
        String aug2Before = version(shop, aug2);
        String laterBefore = version(shop, later);
        // starts late on August 1st in Asia/Shanghai, answered after midnight
        String chat = conversation("b1", "a1", "2026-08-01T15:58:00Z", message("BUYER", "2026-08-01T15:58:00Z"),
                message("AGENT", "2026-08-01T16:01:00Z"));
        as(shop, "agent").body(chat).put("/shops/{s}/conversations/{c}", shop, "DV-1").then().statusCode(200);
        String aug1After = version(shop, aug1);
        String aug2After = version(shop, aug2);
        assertNotEquals(aug1Before, aug1After);
        assertNotEquals(aug2Before, aug2After);
        assertEquals(laterBefore, version(shop, later));

        as(shop, "agent").body(chat).put("/shops/{s}/conversations/{c}", shop, "DV-1").then().statusCode(200);
        assertEquals(aug1After, version(shop, aug1), "the same log again changes nothing");

        as(shop, "erp").body("{\"buyerId\":\"b1\",\"ratedAt\":\"2026-08-02T10:00:00+08:00\",\"description\":5,"
                + "\"service\":5,\"logistics\":5}").put("/shops/{s}/ratings/{o}", shop, "DV-O1").then().statusCode(200);
        assertNotEquals(laterBefore, version(shop, later), "a rating counts for the DSR of 180 days after it");
    }
}
