package cn.medins.nhsa.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a message leniently, as peers do (docs/nhsa.md sections 11 and 19): keys matched in any case,
 * {@code input} as an object or as a JSON string holding one, unknown keys ignored. Its own mapper: the
 * suite's strict JSON (unknown fields refused) is for the suite's own API, not for the national one.
 */
public final class EnvelopeReader {

    private static final ObjectMapper LENIENT = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // two values for one key (two infno) would make the message mean what the last one says: refused
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private EnvelopeReader() {
    }

    public static Envelope read(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : LENIENT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new NhsaRefusal("报文不是合法的 JSON：" + e.getOriginalMessage(), "MALFORMED_JSON");
        }
        if (root == null || !root.isObject()) {
            throw new NhsaRefusal("报文应为 JSON 对象（含 infno、msgid、fixmedins_code、input）", "MALFORMED_JSON");
        }
        ObjectNode envelope = lowerCase((ObjectNode) root);
        if (body.indexOf('\u0000') >= 0 || body.contains("\\u0000")) {
            throw new NhsaRefusal("报文含 NUL 字符（\\u0000），不能受理", "VALIDATION_FAILED");
        }
        String infno = Fields.requiredText(envelope, "", "infno");
        String msgid = Fields.requiredText(envelope, "", "msgid");
        if (msgid.length() > 64) {
            throw NhsaRefusal.field("msgid", " 过长（至多 64 位）");
        }
        return new Envelope(infno, msgid, Fields.requiredText(envelope, "", "fixmedins_code"),
                Fields.text(envelope, "sign_no"), Fields.text(envelope, "opter"), Fields.text(envelope, "insuplc_admdvs"),
                input(envelope.get("input")));
    }

    /** {@code input} as an object: given as one, as a JSON string of one, or absent (an empty object). */
    private static ObjectNode input(JsonNode input) {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return JsonNodeFactory.withExactBigDecimals(true).objectNode();
        }
        JsonNode node = input;
        if (input.isTextual()) {
            try {
                node = LENIENT.readTree(input.asText());
            } catch (JsonProcessingException e) {
                throw new NhsaRefusal("input 是字符串，但不是合法的 JSON：" + e.getOriginalMessage(), "MALFORMED_JSON");
            }
        }
        if (!node.isObject()) {
            throw NhsaRefusal.field("input", " 应为 JSON 对象");
        }
        return lowerCase((ObjectNode) node);
    }

    /** The same tree with every object key in lower case (a later duplicate in another case wins). */
    static ObjectNode lowerCase(ObjectNode node) {
        ObjectNode out = JsonNodeFactory.withExactBigDecimals(true).objectNode();
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        for (Map.Entry<String, JsonNode> f : fields) {
            out.set(f.getKey().toLowerCase(java.util.Locale.ROOT), lowerCase(f.getValue()));
        }
        return out;
    }

    private static JsonNode lowerCase(JsonNode value) {
        if (value.isObject()) {
            return lowerCase((ObjectNode) value);
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.withExactBigDecimals(true).arrayNode();
            value.forEach(v -> out.add(lowerCase(v)));
            return out;
        }
        return value;
    }

    /** The canonical text of an input, whose hash tells a retry from another message under one msgid. */
    public static String canonical(ObjectNode input) {
        try {
            return LENIENT.copy().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
                    true).writeValueAsString(LENIENT.treeToValue(input, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectMapper mapper() {
        return LENIENT;
    }
}
