package org.fangkong.common.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a list: every list in Fangkong is paged (page is 0-based), and a page is read with
 * {@link #query}: one statement whose rows carry the total as a window count.
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    /**
     * Reads one page and the total in one statement: its SQL selects {@code count(*) over () as total_rows}
     * beside the row's columns and ends with {@code limit :size offset :offset} (bound here). Past the
     * last page no row carries the count, so the same statement runs once more for its first row.
     */
    public static <T> PageResult<T> query(JdbcClient.StatementSpec statement, RowMapper<T> mapper, int page, int size) {
        long[] total = {0};
        List<T> items = statement.param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total_rows");
                    return mapper.mapRow(rs, n);
                }).list();
        if (items.isEmpty() && page > 0) {
            statement.param("size", 1).param("offset", 0L).query((rs, n) -> total[0] = rs.getLong("total_rows")).list();
        }
        return new PageResult<>(items, page, size, total[0]);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), page, size, total);
    }

    /** Clamps user-supplied paging to sane bounds. */
    public static int size(Integer size) {
        return size == null ? 20 : Math.max(1, Math.min(size, 200));
    }

    public static int page(Integer page) {
        return page == null ? 0 : Math.max(0, page);
    }
}
