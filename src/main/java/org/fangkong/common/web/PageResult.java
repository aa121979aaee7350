package org.fangkong.common.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: every list in Fangkong is paged (page is 0-based). */
public record PageResult<T>(List<T> items, int page, int size, long total) {

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
