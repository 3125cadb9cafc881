package storeops.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import storeops.testing.Tokens;

/**
 * The dashboard in headless Chromium against the running suite: the numbers it shows are the API's,
 * a refused token gets a clear message, and a screenshot lands in target/dashboard.png. Skipped where
 * Debian's chromium is not installed.
 */
@QuarkusTest
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@Order(2)
class DashboardTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String SHOP = KpiCompositionTest.SHOP;
    private static final String PERIOD = "from=2026-03-10&to=2026-03-12";

    @TestHTTPResource("/dashboard/index.html")
    URL page;

    @BeforeAll
    static void seed() {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        KpiCompositionTest.seedShop(SHOP);
    }

    @Test
    void theShownNumbersAreTheApis() throws Exception {
        String token = Tokens.forShop(SHOP, "analyst");
        String dom = chromium("--dump-dom", url(token));
        // a busy machine may make a service miss the gateway's deadline: look again, as a person would
        for (int attempt = 1; attempt < 4 && !(dom.contains("data-state=\"loaded\"") && dom.contains("id=\"partial\" class=\"partial\" hidden")); attempt++) {
            dom = chromium("--dump-dom", url(token));
        }
        assertTrue(dom.contains("data-state=\"loaded\""), dom);

        JsonPath overview = api("/kpi/overview", token);
        for (String key : List.of("visitors", "paidBuyers", "paidAmount", "averageOrderValue", "paymentConversionRate",
                "channelRoi")) {
            assertSame(overview.getString("metrics." + key), attribute(dom, "data-kpi=\"" + key + "\"[^>]*data-value=\"([^\"]*)\""),
                    key);
        }
        assertTrue(dom.matches("(?s).*data-kpi=\"visitors\"[^>]*>7<.*"), "the visitors tile shows 7");

        JsonPath funnel = api("/kpi/funnel", token);
        List<String> layers = funnel.getList("layers.key");
        assertEquals(6, layers.size());
        for (int i = 0; i < layers.size(); i++) {
            List<String> shown = rowValues(dom, "data-layer=\"" + layers.get(i) + "\"");
            assertSame(funnel.getString("layers[" + i + "].value"), shown.get(1), layers.get(i));
            assertSame(funnel.getString("layers[" + i + "].numerator"), shown.get(2), layers.get(i));
            assertSame(funnel.getString("layers[" + i + "].denominator"), shown.get(3), layers.get(i));
        }
        assertEquals(funnel.getString("visitors"), attribute(dom, "id=\"funnel-people\"[^>]*data-value=\"([^\"]*)\""));

        JsonPath agents = api("/kpi/agents", token);
        for (int i = 0; i < agents.getList("agents").size(); i++) {
            List<String> shown = rowValues(dom, "data-agent=\"" + agents.getString("agents[" + i + "].agentId") + "\"");
            assertSame(agents.getString("agents[" + i + "].inquiries"), shown.get(4), "inquiries");
            assertSame(agents.getString("agents[" + i + "].creditedSales"), shown.get(7), "creditedSales");
        }
        JsonPath channels = api("/kpi/channels", token);
        for (int i = 0; i < 8; i++) {
            List<String> shown = rowValues(dom, "data-channel=\"" + channels.getString("channels[" + i + "].channel") + "\"");
            assertSame(channels.getString("channels[" + i + "].paidAmount"), shown.get(3), "paidAmount");
            assertSame(channels.getString("channels[" + i + "].roi"), shown.get(5), "roi");
        }
        assertEquals("3", attribute(dom, "data-daily-days=\"([^\"]*)\""));

        // in target/, so a test run never dirties the tree; docs/dashboard.png is a copy kept for the README
        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath().normalize();
        Files.deleteIfExists(screenshot);
        chromium("--screenshot=" + screenshot, url(token));
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot with content");
    }

    @Test
    void aRefusedTokenGetsAClearMessage() throws Exception {
        String expired = chromium("--dump-dom", url(Tokens.expired(SHOP, "analyst")));
        assertTrue(expired.contains("data-status=\"401\""), expired);
        assertTrue(expired.contains("401 未登录或令牌无效"), expired);
        String otherShop = chromium("--dump-dom", url(Tokens.forShop("another-shop", "analyst")));
        assertTrue(otherShop.contains("403 无权查看该店铺的数据"), otherShop);
    }

    private String url(String token) {
        return page + "?shop=" + SHOP + "&" + PERIOD + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static JsonPath api(String kpi, String token) {
        return given().header("Authorization", Tokens.bearer(token)).get("/shops/{shop}" + kpi + "?" + PERIOD, SHOP)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void assertSame(String api, String shown, String what) {
        if (api == null) {
            assertEquals("null", shown, what);
        } else {
            assertEquals(0, new BigDecimal(api).compareTo(new BigDecimal(shown)), what + ": API " + api + ", page " + shown);
        }
    }

    private static String attribute(String dom, String regex) {
        Matcher m = Pattern.compile(regex).matcher(dom);
        assertTrue(m.find(), "not on the page: " + regex);
        return m.group(1);
    }

    /** The data-value of each cell of the table row carrying {@code marker}. */
    private static List<String> rowValues(String dom, String marker) {
        Matcher row = Pattern.compile("<tr [^>]*" + Pattern.quote(marker) + "[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(dom);
        assertTrue(row.find(), "no row " + marker);
        Matcher cells = Pattern.compile("<td[^>]*data-value=\"([^\"]*)\"").matcher(row.group(1));
        List<String> values = new ArrayList<>();
        while (cells.find()) {
            values.add(cells.group(1));
        }
        return values;
    }

    private static String chromium(String mode, String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("storeops-chromium");
        List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1800",
                "--virtual-time-budget=15000", mode, url);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("chromium did not finish");
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
