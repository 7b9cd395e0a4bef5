package cn.medins.common.paging;

import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {items, nextCursor}}; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * Builds a page from {@code limit + 1} rows fetched in order: the extra row only says that
     * there is more, and the cursor is the key of the last row returned.
     */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, Long> key, Function<E, T> toItem) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String cursor = more ? Cursor.encode(key.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(toItem).toList(), cursor);
    }
}
