import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The demo's helper, runnable with nothing but a JDK ({@code java demo/DemoTool.java ...}):
 * <ul>
 * <li>{@code keys DIR}: a throwaway RSA key pair for the demo's token issuer;</li>
 * <li>{@code mint --key DIR/private.pem --shops a,b --roles operator,analyst [--hours 12]}: a signed token;</li>
 * <li>{@code wait URL...}: waits until each URL answers 200;</li>
 * <li>{@code seed --key DIR/private.pem --shop S --traffic URL --order URL --desk URL}: a week of one realistic shop.</li>
 * </ul>
 * The demo key is generated at every start and trusted only by the demo's processes.
 */
public class DemoTool {

    static final String ISSUER = "https://demo.storeops.local";
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "keys" -> keys(Path.of(args[1]));
            case "mint" -> System.out.println(mint(Path.of(options.get("key")), options.get("shops"),
                    options.get("roles"), Integer.parseInt(options.getOrDefault("hours", "12"))));
            case "wait" -> waitFor(Arrays.copyOfRange(args, 1, args.length));
            case "seed" -> new Seeder(options).run();
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("usage: DemoTool keys DIR | mint --key PEM --shops a,b --roles r1,r2 [--hours N]"
                + " | wait URL... | seed --key PEM --shop S --traffic URL --order URL --desk URL");
        System.exit(2);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[++i]);
            }
        }
        return options;
    }

    static void keys(Path dir) throws Exception {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static String mint(Path privateKey, String shops, String roles, int hours) throws Exception {
        String pem = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"demo\",\"upn\":\"demo\",\"iat\":" + now + ",\"exp\":"
                + (now + hours * 3600L) + ",\"groups\":" + jsonArray(roles) + ",\"shops\":" + jsonArray(shops) + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(rsa.sign());
    }

    static String jsonArray(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static void waitFor(String[] urls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        for (String url : urls) {
            while (true) {
                try {
                    HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("gave up waiting for " + url);
                    System.exit(1);
                }
                Thread.sleep(500);
            }
        }
    }

    /** A week of one shop: visits on every terminal and channel, orders, chats, spend, ratings, tickets. */
    static final class Seeder {
        static final String[] TERMINALS = {"PC", "TAOBAO_APP", "TAOBAO_APP", "TAOBAO_APP", "TMALL_APP", "TMALL_APP", "WAP"};
        static final String[] SOURCES = {"ORGANIC_SEARCH", "ORGANIC_SEARCH", "ORGANIC_SEARCH", "ZHITONGCHE", "ZHITONGCHE",
                "TAOBAOKE", "ZUANZHAN", "JUHUASUAN", "DIRECT", "DIRECT", "OTHER"};
        static final String[] PRODUCTS = {"P-1001", "P-1002", "P-1003", "P-1004", "P-1005", "P-1006", "P-1007", "P-1008"};
        static final String[] PRICES = {"59.00", "89.00", "129.00", "199.00", "39.90", "259.00", "99.00", "149.00"};
        static final String[] AGENTS = {"agent-xiaomei", "agent-ajie", "agent-lili"};

        final Map<String, String> options;
        final String shop;
        final Random random = new Random(20261111L);
        final String token;

        Seeder(Map<String, String> options) throws Exception {
            this.options = options;
            this.shop = options.getOrDefault("shop", "demo-shop");
            this.token = mint(Path.of(options.get("key")), shop, "operator", 2);
        }

        void run() throws Exception {
            int days = Integer.parseInt(options.getOrDefault("days", "7"));
            int visitorsPerDay = Integer.parseInt(options.getOrDefault("visitors", "1500"));
            LocalDate today = LocalDate.now(SHOP_ZONE);
            int events = 0, orders = 0, chats = 0;
            for (int d = days; d >= 1; d--) {
                LocalDate day = today.minusDays(d);
                List<String> batch = new ArrayList<>();
                for (int v = 0; v < visitorsPerDay; v++) {
                    // a pool a little larger than a day's visitors, so that some come back on later days
                    String buyer = "buyer-" + random.nextInt(visitorsPerDay * 3);
                    String terminal = TERMINALS[random.nextInt(TERMINALS.length)];
                    String source = SOURCES[random.nextInt(SOURCES.length)];
                    Instant first = day.atStartOfDay(SHOP_ZONE).toInstant().plusSeconds(8 * 3600 + random.nextInt(15 * 3600));
                    int views = random.nextDouble() < 0.42 ? 1 : 2 + random.nextInt(6);
                    Instant at = first;
                    for (int p = 0; p < views; p++) {
                        String page = p == 0 && random.nextBoolean() ? "HOME" : random.nextInt(5) == 0 ? "OTHER" : "DETAIL";
                        String product = page.equals("DETAIL") ? PRODUCTS[random.nextInt(PRODUCTS.length)] : null;
                        batch.add(event(day + "-" + v + "-" + p, buyer, at, terminal, page, product, source, "VIEW",
                                5 + random.nextInt(120)));
                        at = at.plusSeconds(10 + random.nextInt(90));
                    }
                    if (views > 1 && random.nextInt(12) == 0) {
                        batch.add(event(day + "-" + v + "-fav", buyer, at, terminal, "DETAIL",
                                PRODUCTS[random.nextInt(PRODUCTS.length)], source, "FAVORITE_PRODUCT", 0));
                    }
                    if (views > 1 && random.nextInt(8) == 0) {
                        batch.add(event(day + "-" + v + "-cart", buyer, at, terminal, "DETAIL",
                                PRODUCTS[random.nextInt(PRODUCTS.length)], source, "ADD_TO_CART", 0));
                    }
                    boolean chats1 = views > 1 && random.nextInt(14) == 0;
                    Instant chatAt = at.plusSeconds(30);
                    if (chats1) {
                        putConversation(day + "-" + v, buyer, chatAt);
                        chats++;
                    }
                    boolean orders1 = views > 1 && random.nextInt(chats1 ? 3 : 25) == 0;
                    if (orders1) {
                        putOrder("D" + day.toString().replace("-", "") + String.format(Locale.ROOT, "%05d", v), buyer,
                                terminal, chats1 ? chatAt.plusSeconds(300) : at.plusSeconds(60));
                        orders++;
                    }
                    if (batch.size() >= 2000) {
                        events += postEvents(batch);
                        batch.clear();
                    }
                }
                events += postEvents(batch);
                for (String channel : new String[] {"ZHITONGCHE", "TAOBAOKE", "ZUANZHAN", "JUHUASUAN"}) {
                    put(options.get("traffic") + "/shops/" + shop + "/traffic/spend/" + day + "/" + channel,
                            "{\"amount\":" + (200 + random.nextInt(800)) + ".00}");
                }
            }
            System.out.printf(Locale.ROOT, "seeded %d days of shop %s: %d visit events, %d orders, %d conversations%n",
                    days, shop, events, orders, chats);
        }

        String event(String id, String buyer, Instant at, String terminal, String page, String product, String source,
                String action, int dwell) {
            return "{\"eventId\":\"ev-" + id + "\",\"visitorId\":\"" + buyer + "\",\"occurredAt\":\"" + at
                    + "\",\"terminal\":\"" + terminal + "\",\"page\":\"" + page + "\""
                    + (product == null ? "" : ",\"productId\":\"" + product + "\"")
                    + ",\"source\":\"" + source + "\",\"action\":\"" + action + "\",\"dwellSeconds\":" + dwell + "}";
        }

        int postEvents(List<String> batch) throws Exception {
            if (batch.isEmpty()) {
                return 0;
            }
            send("POST", options.get("traffic") + "/shops/" + shop + "/traffic/events", "[" + String.join(",", batch) + "]");
            return batch.size();
        }

        void putOrder(String orderNo, String buyer, String terminal, Instant createdAt) throws Exception {
            int lines = 1 + (random.nextInt(4) == 0 ? 1 : 0);
            StringBuilder json = new StringBuilder();
            for (int l = 1; l <= lines; l++) {
                int p = random.nextInt(PRODUCTS.length);
                int quantity = 1 + (random.nextInt(5) == 0 ? 1 : 0);
                String price = PRICES[p];
                String payment = new java.math.BigDecimal(price).multiply(java.math.BigDecimal.valueOf(quantity)).toPlainString();
                json.append(l > 1 ? "," : "").append("{\"lineNo\":").append(l).append(",\"productId\":\"").append(PRODUCTS[p])
                        .append("\",\"skuId\":\"").append(PRODUCTS[p]).append("-S").append(1 + random.nextInt(3))
                        .append("\",\"quantity\":").append(quantity).append(",\"price\":").append(price)
                        .append(",\"payment\":").append(payment).append("}");
            }
            boolean paid = random.nextInt(10) < 8;
            Instant paidAt = createdAt.plusSeconds(60 + random.nextInt(1800));
            boolean shipped = paid && paidAt.isBefore(Instant.now().minus(Duration.ofDays(2)));
            Instant shippedAt = paidAt.plus(Duration.ofHours(6 + random.nextInt(60)));
            String status = !paid ? (createdAt.isBefore(Instant.now().minus(Duration.ofDays(1))) ? "TRADE_CLOSED_BY_TAOBAO" : "WAIT_BUYER_PAY")
                    : shipped ? "WAIT_BUYER_CONFIRM_GOODS" : "WAIT_SELLER_SEND_GOODS";
            Instant modifiedAt = shipped ? shippedAt : paid ? paidAt : createdAt;
            if (shipped && random.nextInt(3) == 0) {
                rate(orderNo, buyer, shippedAt.plus(Duration.ofHours(30 + random.nextInt(40))));
            }
            if (paid && random.nextInt(12) == 0) {
                openTicket(orderNo, buyer, paidAt.plus(Duration.ofHours(1 + random.nextInt(20))));
            }
            String body = "{\"buyerId\":\"" + buyer + "\",\"terminal\":\"" + terminal + "\",\"status\":\"" + status
                    + "\",\"createdAt\":\"" + createdAt + "\",\"paidAt\":" + (paid ? "\"" + paidAt + "\"" : "null")
                    + ",\"shippedAt\":" + (shipped ? "\"" + shippedAt + "\"" : "null")
                    + ",\"closedAt\":" + (status.equals("TRADE_CLOSED_BY_TAOBAO") ? "\"" + createdAt.plus(Duration.ofHours(24)) + "\"" : "null")
                    + ",\"presale\":false,\"cod\":false,\"freeShipping\":true,\"freight\":0.00,\"shippingPromiseHours\":48"
                    + ",\"modifiedAt\":\"" + modifiedAt + "\",\"lines\":[" + json + "]}";
            put(options.get("order") + "/shops/" + shop + "/orders/" + orderNo, body);
        }

        void rate(String orderNo, String buyer, Instant ratedAt) throws Exception {
            if (ratedAt.isAfter(Instant.now())) {
                return;
            }
            int base = random.nextInt(10) == 0 ? 2 : random.nextInt(4) == 0 ? 4 : 5;
            String logistics = random.nextInt(6) == 0 ? "null" : String.valueOf(Math.max(1, base - random.nextInt(2)));
            put(options.get("desk") + "/shops/" + shop + "/ratings/" + orderNo, "{\"buyerId\":\"" + buyer
                    + "\",\"ratedAt\":\"" + ratedAt + "\",\"description\":" + base + ",\"service\":"
                    + Math.min(5, base + random.nextInt(2)) + ",\"logistics\":" + logistics + "}");
        }

        void openTicket(String orderNo, String buyer, Instant openedAt) throws Exception {
            if (openedAt.isAfter(Instant.now())) {
                return;
            }
            String[] types = {"AFTER_SALE", "AFTER_SALE", "COMPLAINT", "INVOICE", "ADDRESS_CHANGE"};
            String type = types[random.nextInt(types.length)];
            put(options.get("desk") + "/shops/" + shop + "/tickets/T-" + orderNo, "{\"type\":\"" + type
                    + "\",\"orderNo\":\"" + orderNo + "\",\"buyerId\":\"" + buyer + "\",\"assignee\":\""
                    + AGENTS[random.nextInt(AGENTS.length)] + "\",\"priority\":\"NORMAL\",\"openedAt\":\""
                    + openedAt + "\",\"note\":\"" + type.toLowerCase(Locale.ROOT) + " for " + orderNo + "\"}");
        }

        void putConversation(String id, String buyer, Instant startedAt) throws Exception {
            String agent = AGENTS[random.nextInt(AGENTS.length)];
            Instant bot = startedAt.plusSeconds(2);
            Instant reply = startedAt.plusSeconds(5 + random.nextInt(random.nextInt(6) == 0 ? 400 : 60));
            Instant question = reply.plusSeconds(30 + random.nextInt(60));
            Instant answer = question.plusSeconds(10 + random.nextInt(200));
            String body = "{\"buyerId\":\"" + buyer + "\",\"agentId\":\"" + agent + "\",\"startedAt\":\"" + startedAt
                    + "\",\"messages\":[" + message("BUYER", startedAt, "在吗？这款有现货吗") + "," + message("BOT", bot, "亲，欢迎光临～")
                    + "," + message("AGENT", reply, "亲，有现货的，今天下单48小时内发货") + "," + message("BUYER", question, "能包邮吗")
                    + (random.nextInt(10) == 0 ? "" : "," + message("AGENT", answer, "全场包邮哦")) + "]}";
            put(options.get("desk") + "/shops/" + shop + "/conversations/conv-" + id, body);
        }

        String message(String sender, Instant at, String text) {
            return "{\"sender\":\"" + sender + "\",\"sentAt\":\"" + at + "\",\"text\":\"" + text + "\"}";
        }

        void put(String url, String body) throws Exception {
            send("PUT", url, body);
        }

        void send(String method, String url, String body) throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                System.err.println(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
        }
    }
}
