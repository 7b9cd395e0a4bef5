package cn.medins.nhsa.envelope;

import cn.medins.common.input.BodyTooLargeException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a message leniently, as peers do (docs/nhsa.md sections 11 and 19): keys matched in any case,
 * {@code input} as an object or as a JSON string holding one, unknown keys ignored. Its own mapper: the
 * suite's strict JSON (unknown fields refused) is for the suite's own API, not for the national one.
 *
 * <p>The message is read as a stream into one tree, its keys in lower case as they are read, within
 * bounds checked while reading ({@link #MAX_BYTES}, {@link #MAX_DEPTH}, {@link #MAX_VALUES},
 * {@link #MAX_TEXT}): no message, however built, costs more memory than these allow. A file's bytes given
 * as a list of byte values ({@code in} of 9101) are read straight into bytes, never as a list of numbers.
 */
public final class EnvelopeReader {

    /** The largest envelope: a 9101 file of {@link #MAX_FILE} as a JSON list of byte values (some 18 MB). */
    public static final long MAX_BYTES = 24L << 20;
    /** The largest file (9101 文件上传): a zipped detail file of 4 MiB holds some 200,000 settlements. */
    public static final int MAX_FILE = 4 << 20;
    /** How deep a message nests: the national ones nest four levels (envelope, input, node, row). */
    public static final int MAX_DEPTH = 16;
    /** Values in one message, the file's bytes aside: a 2301 of 5,000 fee lines of 40 fields. */
    public static final int MAX_VALUES = 250_000;
    /** The longest text value in characters: a 4 MiB file in Base64 (5.6 million). */
    public static final int MAX_TEXT = 6 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_TEXT)
                    .maxNumberLength(64).build())
            // two values for one key (two infno) would make the message mean what the last one says: refused
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper LENIENT = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(NODES);

    private EnvelopeReader() {
    }

    public static Envelope read(InputStream body) {
        ObjectNode envelope;
        Budget budget = new Budget();
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new NhsaRefusal("报文应为 JSON 对象（含 infno、msgid、fixmedins_code、input）", "MALFORMED_JSON");
            }
            envelope = (ObjectNode) value(p, first, budget, null, "");
            if (p.nextToken() != null) {
                throw new NhsaRefusal("报文的 JSON 对象之后还有内容", "MALFORMED_JSON");
            }
        } catch (IOException e) {
            throw unreadable(e, "报文");
        }
        String infno = Fields.requiredText(envelope, "", "infno");
        String msgid = Fields.requiredText(envelope, "", "msgid");
        if (msgid.length() > 64) {
            throw NhsaRefusal.field("msgid", " 过长（至多 64 位）");
        }
        return new Envelope(infno, msgid, Fields.requiredText(envelope, "", "fixmedins_code"),
                Fields.text(envelope, "sign_no"), Fields.text(envelope, "opter"), Fields.text(envelope, "insuplc_admdvs"),
                input(envelope.get("input"), budget));
    }

    /** {@code input} as an object: given as one, as a JSON string of one, or absent (an empty object). */
    private static ObjectNode input(JsonNode input, Budget budget) {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return NODES.objectNode();
        }
        JsonNode node = input;
        if (input.isTextual()) {
            try (JsonParser p = FACTORY.createParser(input.asText())) {
                node = value(p, p.nextToken(), budget, null, "input");
            } catch (IOException e) {
                throw unreadable(e, "input 是字符串，但");
            }
        }
        if (!node.isObject()) {
            throw NhsaRefusal.field("input", " 应为 JSON 对象");
        }
        return (ObjectNode) node;
    }

    private static NhsaRefusal unreadable(IOException e, String what) {
        if (e instanceof StreamConstraintsException limit) {
            return new NhsaRefusal(what + "超出限制：嵌套至多 " + MAX_DEPTH + " 层，文本至多 " + MAX_TEXT
                    + " 字符，数值至多 64 位（" + limit.getOriginalMessage() + "）", "LIMIT_EXCEEDED");
        }
        if (e instanceof JsonProcessingException json) {
            return new NhsaRefusal(what + "不是合法的 JSON：" + json.getOriginalMessage(), "MALFORMED_JSON");
        }
        if (e.getCause() instanceof BodyTooLargeException) {
            return tooLarge();
        }
        throw new UncheckedIOException(e);
    }

    /** The refusal of an envelope over {@link #MAX_BYTES}. */
    public static NhsaRefusal tooLarge() {
        return new NhsaRefusal("报文过大：至多 " + (MAX_BYTES >> 20) + " MiB（9101 的文件至多 " + (MAX_FILE >> 20)
                + " MiB）", "PAYLOAD_TOO_LARGE");
    }

    /**
     * One value and all it holds, object keys in lower case (a later duplicate in another case wins);
     * {@code path} is where it is, as sent, for a refusal that names it.
     */
    private static JsonNode value(JsonParser p, JsonToken t, Budget budget, String key, String path) throws IOException {
        budget.count();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    String lower = noNul(name).toLowerCase(Locale.ROOT);
                    JsonToken next = p.nextToken();
                    o.set(lower, value(p, next, budget, lower, next.isStructStart()
                            ? (path.isEmpty() ? name : path + "." + name) : path));
                }
                return o;
            }
            case START_ARRAY -> {
                if ("in".equals(key)) {
                    return NODES.binaryNode(bytes(p, path));
                }
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    a.add(value(p, e, budget, null, e.isStructStart() ? path + "[" + a.size() + "]" : path));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(noNul(p.getText()));
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }

    /** A file's bytes given as a list of byte values, signed (Java, C#) or 0-255. */
    private static byte[] bytes(JsonParser p, String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            int value;
            try {
                value = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : Integer.MIN_VALUE;
            } catch (InputCoercionException e) {
                value = Integer.MIN_VALUE;
            }
            if (value < -128 || value > 255) {
                throw NhsaRefusal.field(path + "[" + out.size() + "]", " 应为 -128 到 255 的整数，收到 "
                        + Fields.abbreviate(p.getText()));
            }
            if (out.size() == MAX_FILE) {
                throw NhsaRefusal.field(path, " 文件过大（至多 " + (MAX_FILE >> 20) + " MiB）");
            }
            out.write(value);
        }
        return out.toByteArray();
    }

    private static String noNul(String text) {
        if (text.indexOf('\u0000') >= 0) {
            throw new NhsaRefusal("报文含 NUL 字符（\\u0000），不能受理", "VALIDATION_FAILED");
        }
        return text;
    }

    /** Counts the values of one message. */
    private static final class Budget {
        private int values;

        void count() {
            if (++values > MAX_VALUES) {
                throw new NhsaRefusal("报文过大：至多 " + MAX_VALUES + " 个数据项（费用明细每次至多 "
                        + Fields.MAX_LINES + " 条）", "LIMIT_EXCEEDED");
            }
        }
    }

    /**
     * The SHA-256 of an input's canonical text (keys sorted), which tells a retry from another message under
     * one msgid; written straight into the digest, never held as text.
     */
    public static String fingerprint(ObjectNode input) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (JsonGenerator g = FACTORY.createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), sha))) {
                canonical(g, input);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> f = node.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> e = f.next();
                sorted.put(e.getKey(), e.getValue());
            }
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                g.writeFieldName(e.getKey());
                canonical(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode item : node) {
                canonical(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeTree(node);
        }
    }

    public static ObjectMapper mapper() {
        return LENIENT;
    }
}
