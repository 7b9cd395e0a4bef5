package cn.medins.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every request a test sends through RestAssured, and every answer it gets, checked against the
 * published OpenAPI document of the service that answered ({@code /q/openapi} of that base URL,
 * read once), with Atlassian's swagger-request-validator: the documents must say what the services
 * really take and give. A request the service refused as malformed (400) was sent to be refused, and
 * only its answer is checked (a problem document): that the request breaks the document adds nothing,
 * and some of what a 400 refuses, such as an ID number's check digit, no document can say. Any
 * other request sent on purpose to be refused carries {@link #REFUSED_ON_PURPOSE} (removed before it
 * is sent). A violation fails the test, naming the operation and what broke.
 */
public final class OpenApiTraffic implements OrderedFilter {

    /** Marks a request that breaks the document on purpose (a test of the refusal itself). */
    public static final String REFUSED_ON_PURPOSE = "X-Test-Refused-On-Purpose";

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        boolean marked = request.getHeaders().hasHeaderWithName(REFUSED_ON_PURPOSE);
        if (marked) {
            request.removeHeader(REFUSED_ON_PURPOSE);
        }
        Response response = context.next(request, responseSpec);
        boolean onPurpose = marked || response.statusCode() == 400;
        String path = URI.create(request.getURI()).getRawPath();
        if (path.startsWith("/q/")) {
            return response;
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(base(request.getURI()), OpenApiTraffic::load);
        ValidationReport report = onPurpose
                ? validator.validateResponse(path, method(request), RestAssuredResponse.of(response))
                : validator.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
        if (onPurpose) { // an operation the document does not have, on purpose: the test checks its problem
            report = ValidationReport.from(report.getMessages().stream()
                    .filter(m -> !m.getKey().equals("validation.request.operation.notAllowed")
                            && !m.getKey().equals("validation.request.path.missing")).toList());
        }
        if (report.hasErrors()) {
            String message = request.getMethod() + " " + path + " -> " + response.statusCode()
                    + " breaks the published document: " + report.getMessages();
            record(message);
            throw new AssertionError(message);
        }
        return response;
    }

    private static com.atlassian.oai.validator.model.Request.Method method(FilterableRequestSpecification request) {
        return com.atlassian.oai.validator.model.Request.Method.valueOf(request.getMethod().toUpperCase());
    }

    private static String base(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + u.getAuthority();
    }

    private static OpenApiInteractionValidator load(String base) {
        try {
            String document = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> broken = houseRulesBroken(new ObjectMapper().readTree(document));
            if (!broken.isEmpty()) {
                throw new AssertionError("The OpenAPI document of " + base + " breaks the house rules "
                        + "(docs/api.md \"The documents\"):\n  " + String.join("\n  ", broken));
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document of " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What every published document must say beyond being valid: each schema described (with the
     * national term where there is one: the service's META-INF/openapi-glossary.properties), and each
     * operation named after its method and stating the roles that may call it.
     */
    static List<String> houseRulesBroken(JsonNode document) {
        List<String> broken = new ArrayList<>();
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (schema.getValue().path("description").asText("").isBlank()) {
                broken.add("schema " + schema.getKey() + " has no description");
            }
        });
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String operation = op.getKey().toUpperCase() + " " + path.getKey();
            if (!op.getValue().path("x-roles").isArray()) {
                broken.add(operation + " states no roles (x-roles)");
            }
            if (op.getValue().path("operationId").asText("_").contains("_")) {
                broken.add(operation + " is not named after its method: " + op.getValue().path("operationId"));
            }
        }));
        return broken;
    }

    /** Also written to target/openapi-violations.txt, one per line, to read them all after a run. */
    private static void record(String message) {
        try {
            Files.writeString(Path.of("target", "openapi-violations.txt"), message + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (java.io.IOException ignored) {
            // the assertion still fails the test
        }
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE; // after the default Authorization is added
    }
}
