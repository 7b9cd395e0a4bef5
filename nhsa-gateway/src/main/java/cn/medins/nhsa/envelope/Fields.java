package cn.medins.nhsa.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code input} as the HIS code in the wild writes it (docs/nhsa.md "Tolerance"): a node under its
 * national name or another seen name, or no wrapper at all; a list given as one object; amounts as numbers
 * or strings ({@code ""} for none); dates with or without a time, with or without dashes.
 */
public final class Fields {

    /** Fee lines in one message (2301 / 2204): a HIS sends 50 at a time; 5,000 is a long stay's day at once. */
    public static final int MAX_LINES = 5_000;
    /**
     * An amount, price or quantity as the interface writes them (数值型 16,2 to 16,6): digits, a point, up
     * to six decimals, no exponent. Checked on the text, so that no {@code 1E-999999999} reaches arithmetic.
     */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?\\d{1,16}(\\.\\d{0,6})?");

    private Fields() {
    }

    /** The first of these child objects of {@code input}, else {@code input} itself (a flat input). */
    public static ObjectNode node(ObjectNode input, String... names) {
        for (String name : names) {
            JsonNode child = input.get(name);
            if (child != null && child.isObject()) {
                return (ObjectNode) child;
            }
            if (child != null && child.isArray() && !child.isEmpty() && child.get(0).isObject()) {
                return (ObjectNode) child.get(0);
            }
        }
        return input;
    }

    /** The list under the first of these names: an array, or a single object as a list of one. */
    public static List<ObjectNode> list(ObjectNode input, String... names) {
        for (String name : names) {
            JsonNode child = input.get(name);
            if (child == null || child.isNull()) {
                continue;
            }
            List<ObjectNode> items = new ArrayList<>();
            if (child.isArray()) {
                child.forEach(c -> {
                    if (c.isObject()) {
                        items.add((ObjectNode) c);
                    }
                });
            } else if (child.isObject()) {
                items.add((ObjectNode) child);
            }
            return items;
        }
        return List.of();
    }

    /** The text of a field, trimmed; null when absent, null or empty. */
    public static String text(ObjectNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    public static String requiredText(ObjectNode node, String path, String field) {
        if (node.path(field).isContainerNode()) {
            throw NhsaRefusal.field(path + field, " 应为文本或数值，收到 " + (node.get(field).isArray() ? "数组" : "对象"));
        }
        String s = text(node, field);
        if (s == null) {
            throw NhsaRefusal.field(path + field, " 不能为空");
        }
        return s;
    }

    /** A whole number (an id), given as a number or a string. */
    public static long requiredId(ObjectNode node, String path, String field) {
        String s = requiredText(node, path, field);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw NhsaRefusal.field(path + field, " 应为数字编号，收到 " + abbreviate(s));
        }
    }

    /** An amount or quantity, given as a number or a string; null when absent or {@code ""}. */
    public static BigDecimal decimal(ObjectNode node, String path, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw NhsaRefusal.field(path + field, " 应为数值（至多 16 位整数、6 位小数，不用指数），收到 " + abbreviate(s));
        }
        return new BigDecimal(s);
    }

    /** A value as a refusal quotes it: at most 40 characters, so that no refusal is longer than its cause. */
    public static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    public static BigDecimal requiredDecimal(ObjectNode node, String path, String field) {
        BigDecimal d = decimal(node, path, field);
        if (d == null) {
            throw NhsaRefusal.field(path + field, " 不能为空");
        }
        return d;
    }

    /** A date: {@code yyyy-MM-dd}, {@code yyyyMMdd}, either with a time after it; null when absent. */
    public static LocalDate date(ObjectNode node, String path, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        String digits = s.replaceAll("[^0-9]", "");
        try {
            if (digits.length() < 8) {
                throw new DateTimeParseException("short", s, 0);
            }
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (RuntimeException e) {
            throw NhsaRefusal.field(path + field, " 应为日期（yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss），收到 " + abbreviate(s));
        }
    }

    public static LocalDate requiredDate(ObjectNode node, String path, String field) {
        LocalDate d = date(node, path, field);
        if (d == null) {
            throw NhsaRefusal.field(path + field, " 不能为空");
        }
        return d;
    }
}
