package cn.medins.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem details, so that no input ever gets a bare 500 or an
 * HTML page: bad JSON, wrong types and unknown enum values name the field; rule violations carry
 * their stable code.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a caller of a 503 waits before retrying (the database back, a saga finished). */
    public static final String RETRY_AFTER_SECONDS = "2";
    private static final Pattern ACCEPTED_VALUES = Pattern.compile("\\[([^\\]]*)]\\s*$");
    private static final Map<Integer, String> CODES_BY_STATUS = Map.of(
            400, "BAD_REQUEST", 401, "UNAUTHORIZED", 403, "FORBIDDEN", 404, "NOT_FOUND",
            405, "METHOD_NOT_ALLOWED", 406, "NOT_ACCEPTABLE", 409, "CONFLICT",
            415, "UNSUPPORTED_MEDIA_TYPE", 503, "SERVICE_UNAVAILABLE");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response problem = respond(e.status(), e.code(), e.getMessage(), e.violations(), uri);
        // a 503 is a moment's unavailability: say when to retry (a settlement left PENDING is finished by then)
        if (e.status() == 413) {
            // the rest of the body is not read: the connection cannot carry another request
            return Response.fromResponse(problem).header("Connection", "close").build();
        }
        return e.status() == 503 ? Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build()
                : problem;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("Invalid request");
        return respond(400, "VALIDATION_FAILED", detail, violations, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformed(JsonParseException e, UriInfo uri) {
        return respond(400, "MALFORMED_JSON", "The body is not valid JSON: " + e.getOriginalMessage(), null, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        if (e.getValue() instanceof String text && text.indexOf('\u0000') >= 0) {
            return fieldProblem(e, "must not contain the NUL character (\\u0000)", uri);
        }
        return fieldProblem(e, "'" + e.getValue() + "' is not " + expected(e), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return fieldProblem(e, "is not a field of this request (a misspelt field would be silently ignored)",
                    uri, unknown.getPropertyName());
        }
        return fieldProblem(e, "expected " + describe(e.getTargetType()), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mapping(JsonMappingException e, UriInfo uri) {
        return fieldProblem(e, e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(400, "MALFORMED_JSON", "The body could not be read: " + e.getOriginalMessage(), null, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        JsonProcessingException json = causeOf(e, JsonProcessingException.class);
        if (json != null) {
            return fromJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return respond(404, "NOT_FOUND", "Nothing at " + (uri == null ? "this path" : uri.getPath())
                    + " (identifiers in paths are numbers).", null, uri);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String code = CODES_BY_STATUS.getOrDefault(status, status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");
        return respond(status, code, e.getMessage(), null, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseFailures.databaseBusy(e)) {
            LOG.warnf("The database was busy for %s: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
            Response problem = respond(503, "DATABASE_BUSY", "The data this request needs is locked by other work "
                    + "(a lock or statement timeout); nothing was done. Retry in a moment.", null, uri);
            return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (DatabaseFailures.databaseUnavailable(e)) {
            LOG.warnf("The database is not answering for %s: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
            Response problem = respond(503, "DATABASE_UNAVAILABLE", "The database is not answering; nothing was done. "
                    + "Retry in a moment.", null, uri);
            return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure", e);
        return respond(500, "INTERNAL_ERROR", "An unexpected error occurred; it has been logged.", null, uri);
    }

    /** Quarkus REST wraps some body-reading failures in a plain 400; unwrap them to name the field. */
    private Response fromJson(JsonProcessingException json, UriInfo uri) {
        if (json instanceof InvalidFormatException e) {
            return invalidFormat(e, uri);
        }
        if (json instanceof MismatchedInputException e) {
            return mismatched(e, uri);
        }
        if (json instanceof JsonMappingException e) {
            Throwable cause = e.getCause();
            return fieldProblem(e, cause != null && cause.getMessage() != null ? cause.getMessage()
                    : e.getOriginalMessage(), uri);
        }
        if (json instanceof JsonParseException e) {
            return malformed(e, uri);
        }
        return json(json, uri);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Response fieldProblem(JsonMappingException e, String message, UriInfo uri) {
        return fieldProblem(e, message, uri, null);
    }

    /** {@code orField}: the field to name when the path has none (an unknown field at the top level). */
    private static Response fieldProblem(JsonMappingException e, String message, UriInfo uri, String orField) {
        String path = jsonPath(e);
        String field = path.isEmpty() && orField != null ? orField : path;
        if (field.isEmpty()) {
            return respond(400, "MALFORMED_JSON", "The body has the wrong shape: " + message, null, uri);
        }
        return respond(400, "VALIDATION_FAILED", field + ": " + message, List.of(new Violation(field, message)), uri);
    }

    public static Response respond(int status, String code, String detail, List<Violation> violations, UriInfo uri) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = status == 422 ? "Unprocessable Content" : known == null ? "Error" : known.getReasonPhrase();
        String instance = uri == null ? null : uri.getPath();
        Problem body = new Problem(Problem.typeOf(code), title, status, detail, instance, code, violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    public static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The field a violation is about: the JSON property path, or the query / path parameter. */
    public static String field(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, BEAN, CONTAINER_ELEMENT -> {
                    if (node.isInIterable() && node.getIndex() != null && !parts.isEmpty()) {
                        int last = parts.size() - 1;
                        parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        parts.add(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        if (!parts.isEmpty()) {
            return String.join(".", parts);
        }
        return parameter == null ? "request" : parameter;
    }

    private static String expected(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            Matcher m = ACCEPTED_VALUES.matcher(e.getOriginalMessage());
            return m.find() ? "one of [" + m.group(1) + "]" : "an accepted value";
        }
        return describe(target);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (Number.class.isAssignableFrom(type) || type == BigDecimal.class || type == int.class
                || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == YearMonth.class) {
            return "a month YYYY-MM";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of the accepted values";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
