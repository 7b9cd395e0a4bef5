package cn.medins.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Walks a service's OpenAPI document and sends every operation, as agency staff, mutated inputs: path
 * and query parameters of the wrong kind (text, fractions, negatives, huge numbers, NUL, very long),
 * and bodies built from the operation's schema with one field at a time replaced by a wrong type,
 * null, NUL text, a huge or fractional number, a very long text, plus duplicate keys, an empty
 * object, an array, broken JSON, exponent amounts ({@code 1E-999999999}) and nesting 900 deep. Every
 * answer must be below 500 (a 503 naming a downstream service or the database is an honest answer and
 * allowed) and every refusal a problem document. Every body the operation reads is also sent without a
 * Content-Type and as UTF-16 JSON (a 415 problem each), and one byte over the operation's
 * {@code x-max-body-bytes}, with its length declared and chunked (a 413 problem each).
 */
public final class BadInputWalk {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> PATH_VALUES = List.of("abc", "-1", "0", "1.5", "99999999999999999999999",
            "%00", "x%00y", "1e308", "9".repeat(600), "%E4%B8%AD");
    private static final List<String> QUERY_VALUES = List.of("", "abc", "-1", "1.5", "%00", "2026-13-45",
            "9".repeat(400), "true");

    private BadInputWalk() {
    }

    /** The outcome of a walk: how many requests were sent, and every answer that broke the rule. */
    public record Result(int sent, List<String> problems, Map<Integer, Integer> statuses) {
    }

    /**
     * Fails unless the walk sent a real number of requests, most malformed inputs were refused as
     * such (400), and no answer broke the rule.
     */
    public static void assertHolds(java.net.URL base) throws Exception {
        Result result = walk(base);
        if (result.sent() <= 200) {
            throw new AssertionError("the walk sent only " + result.sent() + " requests");
        }
        if (result.statuses().getOrDefault(400, 0) <= result.sent() / 4) {
            throw new AssertionError("most malformed inputs should be refused as such (400): " + result.statuses());
        }
        if (!result.problems().isEmpty()) {
            throw new AssertionError(result.problems().size() + " of " + result.sent() + ":\n"
                    + String.join("\n", result.problems().subList(0, Math.min(40, result.problems().size()))));
        }
    }

    public static Result walk(java.net.URL base) throws Exception {
        String baseUrl = base.toString().replaceAll("/$", "");
        JsonNode document = JSON.readTree(send(baseUrl + "/q/openapi?format=json", "GET", null).body());
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                String template = path.getKey();
                JsonNode schema = op.getValue().at("/requestBody/content/application~1json/schema");
                String validBody = schema.isMissingNode() ? null : JSON.writeValueAsString(example(schema, document, 0));
                for (String value : PATH_VALUES) {
                    if (template.contains("{")) {
                        String mutated = baseUrl + template.replaceAll("\\{[^}]+}", value);
                        sent += check(problems, statuses, method, mutated, validBody);
                    }
                }
                String url = baseUrl + template.replaceAll("\\{[^}]+}", "1");
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if ("query".equals(parameter.path("in").asText())) {
                        for (String value : QUERY_VALUES) {
                            sent += check(problems, statuses, method, url + "?" + parameter.path("name").asText() + "=" + value,
                                    validBody);
                        }
                    }
                }
                if (validBody != null) {
                    for (String body : mutations(example(schema, document, 0))) {
                        sent += check(problems, statuses, method, url, body);
                    }
                    sent += expect(problems, statuses, 415, method, url, validBody.getBytes(UTF_8), null, false);
                    sent += expect(problems, statuses, 415, method, url, validBody.getBytes(UTF_8),
                            "application/json; charset=utf-16", false);
                }
                sent += overLimit(problems, statuses, method, url, op.getValue());
            }
        }
        return new Result(sent, problems, statuses);
    }

    /**
     * A body one byte over the operation's {@code x-max-body-bytes}, once with its length declared and once
     * chunked (no length: cut off while read): each must be a 413 problem.
     */
    private static int overLimit(List<String> problems, Map<Integer, Integer> statuses, String method, String url,
                                 JsonNode operation) {
        long limit = operation.path("x-max-body-bytes").asLong(0);
        if (limit <= 0) {
            return 0;
        }
        String type = operation.path("requestBody").path("content").fieldNames().next();
        // white space inside an object: nothing but the length can refuse it
        byte[] body = new byte[(int) limit + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        return expect(problems, statuses, 413, method, url, body, type, false)
                + expect(problems, statuses, 413, method, url, body, type, true);
    }

    /** One request that must get {@code status} as a problem document. */
    private static int expect(List<String> problems, Map<Integer, Integer> statuses, int status, String method,
                              String url, byte[] body, String type, boolean chunked) {
        String what = method + " " + abbreviate(url) + " (" + body.length + " bytes" + (chunked ? ", chunked" : "")
                + ", Content-Type " + type + ")";
        HttpResponse<String> r;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + TestKeys.agency())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, chunked ? HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(body)) : HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) {
                request.header("Content-Type", type);
            }
            r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            problems.add(what + ": no answer (" + e + ")");
            return 1;
        }
        statuses.merge(r.statusCode(), 1, Integer::sum);
        if (r.statusCode() != status || !r.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json")) {
            problems.add(what + " -> " + r.statusCode() + " (expected a " + status + " problem) " + abbreviate(r.body()));
        }
        return 1;
    }

    private static int check(List<String> problems, Map<Integer, Integer> statuses, String method, String url,
                             String body) {
        HttpResponse<String> r;
        try {
            r = send(url, method, body);
        } catch (Exception e) {
            problems.add(method + " " + url + ": no answer (" + e + ")");
            return 1;
        }
        statuses.merge(r.statusCode(), 1, Integer::sum);
        String type = r.headers().firstValue("Content-Type").orElse("");
        String what = method + " " + abbreviate(url) + (body == null ? "" : " " + abbreviate(body));
        boolean downstream = r.statusCode() == 503 && r.body().contains("_UNAVAILABLE");
        if (r.statusCode() >= 500 && !downstream) {
            problems.add(what + " -> " + r.statusCode() + " " + abbreviate(r.body()));
        } else if (r.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
            problems.add(what + " -> " + r.statusCode() + " without a problem document (" + type + ")");
        }
        return 1;
    }

    /** One valid-looking body, then the same with each field broken in turn, then whole-body breakage. */
    static List<String> mutations(JsonNode valid) throws Exception {
        List<String> bodies = new ArrayList<>();
        if (valid instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                for (JsonNode wrong : wrongValues(object.get(field))) {
                    ObjectNode copy = object.deepCopy();
                    copy.set(field, wrong);
                    bodies.add(JSON.writeValueAsString(copy));
                }
                String text = JSON.writeValueAsString(object);
                bodies.add(text.substring(0, text.length() - 1) + ",\"" + field + "\":"
                        + JSON.writeValueAsString(object.get(field)) + "}");
            }
        }
        bodies.add("{}");
        bodies.add("[]");
        bodies.add("{\"a\":");
        bodies.add("null");
        bodies.add("\"" + "x".repeat(10_000) + "\"");
        bodies.add("{\"a\":" + "[".repeat(900) + "]".repeat(900) + "}");
        return bodies;
    }

    private static List<JsonNode> wrongValues(JsonNode value) {
        List<JsonNode> wrong = new ArrayList<>(List.of(NODES.nullNode(), NODES.textNode("a\u0000b"),
                NODES.numberNode(new java.math.BigDecimal("1e308")), NODES.numberNode(26.9), NODES.numberNode(-1),
                NODES.booleanNode(true), NODES.textNode("x".repeat(5_000)), NODES.objectNode(), NODES.arrayNode(),
                NODES.numberNode(new java.math.BigDecimal("1E-999999999")),
                NODES.numberNode(new java.math.BigDecimal("1E+99999999")), NODES.textNode("1E-999999999")));
        if (value != null && value.isTextual()) {
            wrong.add(NODES.numberNode(310));
            wrong.add(NODES.textNode(""));
            wrong.add(NODES.textNode("2026-02-30"));
        }
        if (value instanceof ArrayNode array && !array.isEmpty()) {
            ArrayNode broken = NODES.arrayNode();
            broken.add(NODES.textNode("a\u0000b"));
            wrong.add(broken);
        }
        return wrong;
    }

    /** A value of the schema's shape: text "1", numbers 1, the first enum value, one array item. */
    static JsonNode example(JsonNode schema, JsonNode document, int depth) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText().replace("#/", "/");
            return depth > 6 ? NODES.nullNode() : example(document.at(ref), document, depth + 1);
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combined) && schema.get(combined).size() > 0) {
                return example(schema.get(combined).get(0), document, depth + 1);
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "string":
                return NODES.textNode(switch (schema.path("format").asText()) {
                    case "date" -> "2026-01-15";
                    case "date-time" -> "2026-01-15T10:00:00Z";
                    default -> "1";
                });
            case "integer":
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(true);
            case "array":
                ArrayNode array = NODES.arrayNode();
                array.add(example(schema.path("items"), document, depth + 1));
                return array;
            default:
                ObjectNode object = NODES.objectNode();
                Map<String, JsonNode> properties = new LinkedHashMap<>();
                schema.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
                properties.forEach((name, property) -> object.set(name, example(property, document, depth + 1)));
                return object;
        }
    }

    private static HttpResponse<String> send(String url, String method, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TestKeys.agency())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
