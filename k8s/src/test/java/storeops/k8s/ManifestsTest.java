package storeops.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads every manifest with the Kubernetes model and holds each service to the house rules. */
class ManifestsTest {

    private static final List<String> FILES = List.of("secrets.yaml", "traffic-service.yaml", "order-service.yaml",
            "service-desk-service.yaml", "gateway.yaml", "ingress.yaml");
    private static final Map<String, Integer> SERVICES = Map.of("traffic-service", 8081, "order-service", 8082,
            "service-desk-service", 8083, "gateway", 8080);

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    @Test
    void everyServiceHasADeploymentWithProbesLimitsAndANonRootContext() throws IOException {
        List<HasMetadata> all = new ArrayList<>();
        for (String file : FILES) {
            all.addAll(read(file));
        }
        for (var service : SERVICES.entrySet()) {
            String name = service.getKey();
            Deployment deployment = find(all, Deployment.class, name);
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name + " must run as non-root");
            Container container = pod.getContainers().get(0);
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath(), name);
            assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath(), name);
            var resources = container.getResources();
            assertTrue(resources.getRequests().containsKey("cpu") && resources.getRequests().containsKey("memory"),
                    name + " requests");
            assertTrue(resources.getLimits().containsKey("cpu") && resources.getLimits().containsKey("memory"),
                    name + " limits");
            assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation(), name);
            assertEquals(service.getValue(), container.getPorts().get(0).getContainerPort(), name + " port");
            find(all, ConfigMap.class, name);
            assertEquals(service.getValue(), find(all, Service.class, name).getSpec().getPorts().get(0).getPort());
            boolean mountsJwtKey = pod.getVolumes().stream()
                    .anyMatch(v -> v.getSecret() != null && "storeops-jwt".equals(v.getSecret().getSecretName()));
            assertTrue(mountsJwtKey, name + " must verify tokens with the key from the storeops-jwt Secret");
            if (!name.equals("gateway")) {
                boolean dbFromSecret = container.getEnvFrom().stream()
                        .anyMatch(e -> e.getSecretRef() != null && "storeops-db".equals(e.getSecretRef().getName()));
                assertTrue(dbFromSecret, name + " must take its database credentials from the storeops-db Secret");
            }
        }
        Ingress ingress = find(all, Ingress.class, "storeops");
        assertEquals("gateway",
                ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName());
    }

    @Test
    void aMisspelledFieldIsRefused() {
        String manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: broken}
                spec:
                  template:
                    spec:
                      containers:
                        - name: broken
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
                """;
        assertThrows(AssertionError.class, () -> parse("broken.yaml", manifest));
    }

    private List<HasMetadata> read(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/manifests/" + file)) {
            assertTrue(in != null, file + " is missing");
            return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private List<HasMetadata> parse(String file, String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                continue;
            }
            HasMetadata resource = serialization.unmarshal(document);
            assertFalse(resource.getMetadata().getName() == null, file + ": a resource without a name");
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(resource, file + ":" + resource.getKind(), unknown, new IdentityHashMap<>());
            assertEquals(List.of(), unknown, "fields the Kubernetes model does not know");
            resources.add(resource);
        }
        return resources;
    }

    /** The model keeps fields it does not know in additionalProperties: in a manifest that is a typo. */
    private static void collectUnknownFields(Object node, String where, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, true) != null) {
            return;
        }
        if (node instanceof List<?> list) {
            list.forEach(item -> collectUnknownFields(item, where, unknown, seen));
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectUnknownFields(value, where, unknown, seen));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(where + " " + node.getClass().getSimpleName() + "." + key));
                } else if (!SKIPPED.contains(getter.getName())) {
                    collectUnknownFields(value, where, unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Set<String> SKIPPED = Set.of("getClass");

    private static <T extends HasMetadata> T find(List<HasMetadata> all, Class<T> type, String name) {
        return all.stream().filter(type::isInstance).map(type::cast)
                .filter(r -> name.equals(r.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }
}
