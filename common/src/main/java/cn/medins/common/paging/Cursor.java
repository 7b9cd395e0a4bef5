package cn.medins.common.paging;

import cn.medins.common.problem.Params;
import cn.medins.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque list cursors: the key of the last row seen, base64url so clients do not build them. */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(long key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Long.toString(key).getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the key, or null for no cursor (first page) */
    public static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }

    /** Checks {@code ?limit=}: default 50, 1 to 500. */
    public static int limit(String text) {
        Integer limit = Params.integer("limit", text);
        if (limit == null) {
            return Page.DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + Page.MAX_LIMIT);
        }
        return limit;
    }
}
