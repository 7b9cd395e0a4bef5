package cn.medins.common.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problem {@code code} values an error status of an operation may carry: the ones its
 * {@code @APIResponse} description names, and the ones any operation can meet at that status (a
 * malformed body, a missing token, a busy database).
 */
final class ProblemCodes {

    private static final Pattern CODE = Pattern.compile("\\b(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|UNAUTHORIZED|FORBIDDEN)\\b");

    private static final Map<String, List<String>> EVERY_OPERATION = Map.of(
            "400", List.of("VALIDATION_FAILED", "MALFORMED_JSON", "BAD_REQUEST"),
            "401", List.of("UNAUTHORIZED"),
            "403", List.of("FORBIDDEN"),
            "404", List.of("NOT_FOUND"),
            "503", List.of("DATABASE_BUSY", "DATABASE_UNAVAILABLE", "SHUTTING_DOWN", "SERVICE_UNAVAILABLE"));

    private ProblemCodes() {
    }

    static Set<String> of(String status, String description) {
        Set<String> codes = new TreeSet<>(EVERY_OPERATION.getOrDefault(status, List.of()));
        if (description != null) {
            Matcher matcher = CODE.matcher(description);
            while (matcher.find()) {
                codes.add(matcher.group());
            }
        }
        return codes;
    }
}
