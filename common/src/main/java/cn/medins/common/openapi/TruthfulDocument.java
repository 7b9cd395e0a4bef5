package cn.medins.common.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

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

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        nullableUnlessRequired(openAPI.getComponents().getSchemas());
        openAPI.getComponents().addSchema("Problem", problem());
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item ->
                    item.getOperations().values().forEach(TruthfulDocument::problemsDescribed));
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
                            + "MALFORMED_JSON (400), UNAUTHORIZED (401), FORBIDDEN (403), URI_TOO_LONG (414), "
                            + "DATABASE_BUSY, DATABASE_UNAVAILABLE, SHUTTING_DOWN, <SERVICE>_UNAVAILABLE "
                            + "(503, with Retry-After)"));
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if ((status.equals("default") || status.compareTo("400") >= 0) && response.getContent() == null) {
                response.setContent(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            }
        });
    }

    /** The problem document ({@code cn.medins.common.problem.Problem}) as it travels. */
    private static Schema problem() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document with a stable machine code")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("instance", text).addProperty("code", text)
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
