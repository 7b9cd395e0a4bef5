package cn.medins.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks a service's OpenAPI document and tries every operation: without a token it must be 401; with
 * a role it is not allowed, 403; with an allowed role, neither. Every operation must have a decision
 * in {@code allowed} ("METHOD /path" -> roles), so a new endpoint without one fails the test.
 */
public final class AccessMatrix {

    public static final List<String> ROLES = List.of("agency", "institution", "insured", "service");
    public static final Set<String> AGENCY = Set.of("agency");
    public static final Set<String> EVERY_ROLE = Set.copyOf(ROLES);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AccessMatrix() {
    }

    /** Fails with every operation that does not behave as decided. */
    public static void assertKept(java.net.URL base, Map<String, Set<String>> allowed) throws Exception {
        List<String> problems = check(base.toString().replaceAll("/$", ""), allowed);
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    /** @return the problems found, empty when every operation behaves as decided */
    public static List<String> check(String baseUrl, Map<String, Set<String>> allowed) throws Exception {
        JsonNode paths = new ObjectMapper().readTree(send(baseUrl + "/q/openapi?format=json", "GET", null).body())
                .path("paths");
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                String operation = method + " " + path.getKey();
                seen.add(operation);
                if (!allowed.containsKey(operation)) {
                    problems.add(operation + ": no access decision (add it to the matrix)");
                    continue;
                }
                String url = baseUrl + path.getKey().replaceAll("\\{[^}]+}", "1");
                // the body in the media type the operation takes (a CSV import is not JSON), so it meets the role check
                Iterator<String> types = path.getValue().path(method.toLowerCase()).path("requestBody").path("content")
                        .fieldNames();
                String type = types.hasNext() ? types.next() : "application/json";
                expect(problems, operation, "no token", send(url, method, null, type).statusCode(), Set.of(401), true);
                for (String role : ROLES) {
                    int status = send(url, method, tokenFor(role), type).statusCode();
                    if (allowed.get(operation).contains(role)) {
                        expect(problems, operation, role, status, Set.of(401, 403), false);
                    } else {
                        expect(problems, operation, role, status, Set.of(403), true);
                    }
                }
            }
        }
        for (String decided : allowed.keySet()) {
            if (!seen.contains(decided)) {
                problems.add(decided + ": decided but not in the OpenAPI document");
            }
        }
        return problems;
    }

    /** Tokens for person 1 and institution "1", matching the "1" put in every path parameter. */
    static String tokenFor(String role) {
        return switch (role) {
            case "agency" -> TestKeys.agency();
            case "institution" -> TestKeys.institution("1");
            case "insured" -> TestKeys.insured(1);
            default -> TestKeys.service();
        };
    }

    private static void expect(List<String> problems, String operation, String who, int status, Set<Integer> codes,
                               boolean mustBeOneOf) {
        if (codes.contains(status) != mustBeOneOf) {
            problems.add(operation + " as " + who + ": " + status + (mustBeOneOf ? " but expected " : " is one of ")
                    + codes);
        }
    }

    public static HttpResponse<String> send(String url, String method, String token) throws IOException,
            InterruptedException {
        return send(url, method, token, "application/json");
    }

    public static HttpResponse<String> send(String url, String method, String token, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        boolean withBody = method.equals("POST") || method.equals("PUT");
        request.method(method, withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
