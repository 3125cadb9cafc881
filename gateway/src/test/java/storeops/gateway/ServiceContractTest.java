package storeops.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import storeops.gateway.client.DeskApi;
import storeops.gateway.client.OrderApi;
import storeops.gateway.client.TrafficApi;

/**
 * The gateway's REST clients against what each running service publishes in its OpenAPI
 * document: every path and verb the gateway calls, every query parameter it sends and every field
 * of the answers it reads (the record components of the client's answer types) must be there.
 */
@QuarkusTest
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@Order(4)
class ServiceContractTest {

    @Test
    void trafficServicePublishesWhatTheGatewayCalls() {
        assertEquals(List.of(), mismatches("traffic", TrafficApi.class));
    }

    @Test
    void orderServicePublishesWhatTheGatewayCalls() {
        assertEquals(List.of(), mismatches("order", OrderApi.class));
    }

    @Test
    void deskServicePublishesWhatTheGatewayCalls() {
        assertEquals(List.of(), mismatches("desk", DeskApi.class));
    }

    private static List<String> mismatches(String service, Class<?> api) {
        JsonPath spec = new JsonPath(given().baseUri(Seed.url(service)).accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Map<String, Map<String, Object>> paths = spec.getMap("paths");
        Map<String, Object> schemas = spec.getMap("components.schemas");
        Map<String, String> published = new java.util.HashMap<>();
        paths.keySet().forEach(p -> published.put(normalized(p), p));
        String base = api.getAnnotation(Path.class).value();
        List<String> problems = new ArrayList<>();
        for (Method method : api.getDeclaredMethods()) {
            String verb = verb(method);
            if (verb == null) {
                continue;
            }
            String path = base + method.getAnnotation(Path.class).value();
            String where = verb.toUpperCase() + " " + path;
            String actual = published.get(normalized(path));
            if (actual == null || !paths.get(actual).containsKey(verb)) {
                problems.add(where + " is not published");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> operation = (Map<String, Object>) paths.get(actual).get(verb);
            Set<String> parameters = new HashSet<>();
            for (Object p : (List<?>) operation.getOrDefault("parameters", List.of())) {
                parameters.add(String.valueOf(((Map<?, ?>) p).get("name")));
            }
            for (Parameter p : method.getParameters()) {
                QueryParam query = p.getAnnotation(QueryParam.class);
                if (query != null && !parameters.contains(query.value())) {
                    problems.add(where + " has no query parameter " + query.value());
                }
            }
            Type answer = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
            Set<String> needed = new TreeSet<>();
            fieldsOf(answer, needed);
            if (!needed.isEmpty()) {
                Set<String> documented = new HashSet<>();
                propertiesOf(operation.get("responses"), schemas, documented, new HashSet<>());
                needed.removeAll(documented);
                if (!needed.isEmpty()) {
                    problems.add(where + " does not document the fields " + needed);
                }
            }
        }
        return problems;
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "get";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "post";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "put";
        }
        return method.isAnnotationPresent(DELETE.class) ? "delete" : null;
    }

    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]+}", "{}").replaceAll("/$", "");
    }

    /** The JSON names the gateway reads: record components, through lists and nested records. */
    private static void fieldsOf(Type type, Set<String> into) {
        if (type instanceof ParameterizedType parameterized) {
            if (Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
                fieldsOf(parameterized.getActualTypeArguments()[0], into);
            }
            return;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                into.add(component.getName());
                fieldsOf(component.getGenericType(), into);
            }
        }
    }

    /** Every property name reachable from a node of the document, following $ref once per schema. */
    private static void propertiesOf(Object node, Map<String, Object> schemas, Set<String> into, Set<String> seen) {
        if (node instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                if ("$ref".equals(entry.getKey())) {
                    String name = String.valueOf(entry.getValue()).replace("#/components/schemas/", "");
                    if (seen.add(name) && schemas != null) {
                        propertiesOf(schemas.get(name), schemas, into, seen);
                    }
                } else if ("properties".equals(entry.getKey()) && entry.getValue() instanceof Map<?, ?> properties) {
                    properties.keySet().forEach(k -> into.add(String.valueOf(k)));
                    propertiesOf(properties, schemas, into, seen);
                } else {
                    propertiesOf(entry.getValue(), schemas, into, seen);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> propertiesOf(item, schemas, into, seen));
        }
    }
}
