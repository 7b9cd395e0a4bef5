package cn.medins.common.openapi;

import cn.medins.common.input.BodyLimit;
import cn.medins.common.input.RequestBodies;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes each service's OpenAPI document say what its answers really hold: a property a record does
 * not declare required ({@code @NotNull}, {@code @NotBlank}, {@code @Schema(required = true)}) may be
 * null, as the answers' records write it (a preview's {@code settlementId}, an open band's
 * {@code upTo}, a page's last {@code nextCursor}). Without this a generated or validating client
 * refuses ordinary answers. A reference to a component is replaced by the component's own simple
 * schema (a date, an enum, an object), so that the property itself can carry {@code nullable}.
 */
public class TruthfulDocument implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Glossary.describe(openAPI.getComponents().getSchemas());
        nullableUnlessRequired(openAPI.getComponents().getSchemas());
        openAPI.getComponents().addSchema("Problem", problem(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        if (openAPI.getPaths() != null) {
            OperationRoles names = new OperationRoles();
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                names.rename(operation).ifPresent(method -> {
                    rolesStated(operation, OperationRoles.roles(method));
                    bodyLimitStated(operation, method);
                });
                idempotencyKeyDeclared(operation);
                problemsDescribed(operation);
            }));
        }
    }

    /**
     * An operation whose description says it "Requires an Idempotency-Key" or "Honours an (optional)
     * Idempotency-Key" (the services' one wording for it) declares the header, so that a generated
     * client can send it, and the codes it brings (400 when required and missing, 409 while the first
     * request is in flight, 422 when the key is reused with another body).
     */
    private static void idempotencyKeyDeclared(Operation operation) {
        String description = operation.getDescription() == null ? "" : operation.getDescription();
        boolean required = description.contains("Requires an Idempotency-Key");
        if (!required && !description.contains("Honours an Idempotency-Key")
                && !description.contains("Honours an optional Idempotency-Key")) {
            return;
        }
        operation.addParameter(OASFactory.createParameter().name(IDEMPOTENCY_KEY).in(Parameter.In.HEADER)
                .required(required).description("The caller's key for this one operation: a repeat with the "
                        + "same key and body gets the first answer again, nothing is done twice")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(128)
                        .pattern("^[\\x20-\\x7E]+$")));
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                String code = switch (status) {
                    case "400" -> required ? "IDEMPOTENCY_KEY_REQUIRED" : null;
                    case "409" -> "IDEMPOTENCY_KEY_IN_FLIGHT";
                    case "422" -> "IDEMPOTENCY_KEY_REUSED";
                    default -> null;
                };
                String text = response.getDescription() == null ? "" : response.getDescription();
                if (code != null && !text.contains(code)) {
                    response.setDescription(text.isEmpty() ? code : text + "; " + code);
                }
            });
        }
    }

    /**
     * OpenAPI 3.0 lets a bearer scheme carry no scopes, so the roles a token needs are stated twice: in
     * the {@code x-roles} extension, for tools, and in the description and the 403's, for readers.
     */
    private static void rolesStated(Operation operation, List<String> roles) {
        if (roles.isEmpty()) {
            return;
        }
        operation.addExtension(OperationRoles.ROLES, roles);
        String stated = "Roles: " + String.join(", ", roles) + ".";
        operation.setDescription(operation.getDescription() == null ? stated : operation.getDescription() + " " + stated);
        if (operation.getResponses() != null && operation.getResponses().hasAPIResponse("401")) {
            operation.getResponses().getAPIResponse("401").setDescription("UNAUTHORIZED: no valid bearer token");
        }
        if (operation.getResponses() != null && operation.getResponses().hasAPIResponse("403")) {
            APIResponse forbidden = operation.getResponses().getAPIResponse("403");
            String why = forbidden.getDescription() == null || forbidden.getDescription().equals("Not Allowed")
                    ? "FORBIDDEN" : forbidden.getDescription();
            forbidden.setDescription(why + " (roles allowed: " + String.join(", ", roles) + ")");
        }
    }

    /** The extension that states the largest body an operation reads, in bytes. */
    static final String MAX_BODY = "x-max-body-bytes";

    /**
     * An operation that reads a body states the largest it reads ({@code x-max-body-bytes}, from its
     * {@link BodyLimit} or the default) and the answers of the checks made before it is read: 413 over
     * that size, 415 for a body that is not the type it reads (an operation that reads any type, the
     * national gateway, answers those itself).
     */
    private static void bodyLimitStated(Operation operation, Method method) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        BodyLimit declared = method.getAnnotation(BodyLimit.class);
        long limit = declared == null ? RequestBodies.DEFAULT_LIMIT : declared.bytes();
        operation.addExtension(MAX_BODY, limit);
        if (RequestBodies.readsAnyType(method)) {
            return;
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse("413")) {
            operation.getResponses().addAPIResponse("413", OASFactory.createAPIResponse().description(
                    "PAYLOAD_TOO_LARGE: a body over " + limit + " bytes, refused before it is read"));
        }
        if (!operation.getResponses().hasAPIResponse("415")) {
            operation.getResponses().addAPIResponse("415", OASFactory.createAPIResponse().description(
                    "UNSUPPORTED_MEDIA_TYPE: no Content-Type, another type, or JSON in another charset than UTF-8"));
        }
    }

    /**
     * Every error answer is a problem document (RFC 9457, {@code application/problem+json}) with a
     * stable {@code code}: the statuses an operation declares say which codes, and {@code default}
     * covers the rest every operation can meet (400 for a malformed body, 401 and 403, 414, 503).
     */
    private static void problemsDescribed(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getDefaultValue() == null) {
            operation.getResponses().setDefaultValue(OASFactory.createAPIResponse().description(
                    "A problem document (RFC 9457) whose code says what went wrong: VALIDATION_FAILED, "
                            + "MALFORMED_JSON (400), UNAUTHORIZED (401), FORBIDDEN (403), PAYLOAD_TOO_LARGE (413), "
                            + "URI_TOO_LONG (414), UNSUPPORTED_MEDIA_TYPE (415), DATABASE_BUSY, DATABASE_UNAVAILABLE, "
                            + "SHUTTING_DOWN, SERVER_BUSY, <SERVICE>_UNAVAILABLE (503, with Retry-After)"));
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if ((status.equals("default") || status.compareTo("400") >= 0) && response.getContent() == null) {
                response.setContent(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(problemOf(status, response.getDescription()))));
            }
        });
    }

    /**
     * A declared status's problem lists its codes (a copy of the problem schema rather than an
     * {@code allOf}, which generators turn into odd classes); {@code default}'s is any problem.
     */
    private static Schema problemOf(String status, String description) {
        if (status.equals("default")) {
            return OASFactory.createSchema().ref(PROBLEM);
        }
        return problem(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .enumeration(new ArrayList<>(ProblemCodes.of(status, description))));
    }

    /** The problem document ({@code cn.medins.common.problem.Problem}) as it travels. */
    private static Schema problem(Schema code) {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document with a stable machine code")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("instance", text).addProperty("code", code)
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .addRequired("type").addRequired("title").addRequired("status").addRequired("code");
    }

    private static void nullableUnlessRequired(Map<String, Schema> components) {
        for (Schema schema : components.values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : new ArrayList<>(schema.getProperties().entrySet())) {
                if (!required.contains(property.getKey())) {
                    schema.addProperty(property.getKey(), nullable(property.getValue(), components));
                }
            }
        }
    }


    private static Schema nullable(Schema property, Map<String, Schema> components) {
        if (property.getRef() == null) { // an untyped one (Object) takes any value, null too
            return property.getType() == null || property.getType().isEmpty() ? property
                    : property.addType(Schema.SchemaType.NULL);
        }
        Schema target = components.get(property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
        if (target != null && target.getProperties() == null && target.getType() != null) { // a date, an enum
            Schema copy = OASFactory.createSchema().type(new ArrayList<>(target.getType()))
                    .format(target.getFormat()).pattern(target.getPattern()).description(target.getDescription());
            if (target.getEnumeration() != null) {
                copy.setEnumeration(new ArrayList<>(target.getEnumeration()));
                copy.addEnumeration(null);
            }
            return copy.addType(Schema.SchemaType.NULL);
        }
        if (target == null) {
            return property;
        }
        // an object: its schema itself (the same properties), since OpenAPI 3.0 cannot make a
        // reference nullable and validators refuse null under allOf
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(target.getDescription())
                .properties(target.getProperties()).required(target.getRequired())
                .additionalPropertiesBoolean(target.getAdditionalPropertiesBoolean()).addType(Schema.SchemaType.NULL);
    }
}
