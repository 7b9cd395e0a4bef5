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
            throw NhsaRefusal.field(path + field, " 应为数字编号，收到 " + s);
        }
    }

    /** An amount or quantity, given as a number or a string; null when absent or {@code ""}. */
    public static BigDecimal decimal(ObjectNode node, String path, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw NhsaRefusal.field(path + field, " 应为数值，收到 " + s);
        }
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
            throw NhsaRefusal.field(path + field, " 应为日期（yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss），收到 " + s);
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
