package storeops.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the three packaged services (built before the gateway in the reactor) as child processes
 * on free ports, each against its own MariaDB test database cleaned at start, trusting the test
 * token key; the gateway under test is pointed at them. Ports and process ids are published as
 * system properties ({@code storeops.it.<service>.url|pid}) so that tests can stop a service.
 */
public class ServicesResource implements QuarkusTestResourceLifecycleManager {

    /** configKey of the gateway's REST client, module directory, database name. */
    static final Map<String, String[]> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("traffic", new String[] {"traffic-service", "storeops_gw_traffic_test"});
        SERVICES.put("order", new String[] {"order-service", "storeops_gw_order_test"});
        SERVICES.put("desk", new String[] {"service-desk-service", "storeops_gw_desk_test"});
    }

    private final List<Process> processes = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            Path key = Files.createTempFile("storeops-test-public", ".pem");
            try (InputStream in = ServicesResource.class.getResourceAsStream("/test-keys/public.pem")) {
                Files.copy(in, key, StandardCopyOption.REPLACE_EXISTING);
            }
            key.toFile().deleteOnExit();
            String dbHost = System.getProperty("storeops.it.db", "127.0.0.1:3306");
            Path logs = Path.of("target", "services");
            Files.createDirectories(logs);
            Map<String, String> config = new HashMap<>();
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (var service : SERVICES.entrySet()) {
                Path jar = Path.of("..", service.getValue()[0], "target", "quarkus-app", "quarkus-run.jar");
                if (!Files.exists(jar)) {
                    throw new IllegalStateException(jar.toAbsolutePath().normalize()
                            + " is missing: build the services first (./mvnw -B install -DskipTests)");
                }
                int port = freePort();
                List<String> command = List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-Dquarkus.http.port=" + port,
                        "-Dquarkus.datasource.jdbc.url=jdbc:mysql://" + dbHost + "/" + service.getValue()[1]
                                + "?createDatabaseIfNotExist=true",
                        "-Dquarkus.datasource.username=root", "-Dquarkus.datasource.password=",
                        "-Dquarkus.flyway.clean-at-start=true", "-Dquarkus.flyway.clean-disabled=false",
                        "-Dmp.jwt.verify.issuer=https://test.storeops.local",
                        // behind the gateway: the audit keeps the caller's address it passes on
                        "-Dstoreops.audit.trust-forwarded-for=true",
                        "-Dmp.jwt.verify.publickey.location=file:" + key.toAbsolutePath(),
                        "-jar", jar.toAbsolutePath().normalize().toString());
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(logs.resolve(service.getKey() + ".log").toFile())
                        .start();
                processes.add(process);
                ports.put(service.getKey(), port);
                String url = "http://127.0.0.1:" + port;
                config.put("quarkus.rest-client." + service.getKey() + ".url", url);
                System.setProperty("storeops.it." + service.getKey() + ".url", url);
                System.setProperty("storeops.it." + service.getKey() + ".pid", String.valueOf(process.pid()));
            }
            for (var service : ports.entrySet()) {
                awaitReady(service.getKey(), service.getValue());
            }
            return config;
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("could not start the services", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
    }

    private void awaitReady(String name, int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Process process = processes.get(List.copyOf(SERVICES.keySet()).indexOf(name));
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + ", see target/services/" + name + ".log");
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " was not ready within 90 s, see target/services/" + name + ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
