package cn.medins.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body, plus the stable machine {@code code} and, for validation
 * errors, the list of {@code violations}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are URNs derived from the code, so that they are stable and need no web page. */
    public static String typeOf(String code) {
        return "urn:medins:problem:" + code.toLowerCase().replace('_', '-');
    }
}
