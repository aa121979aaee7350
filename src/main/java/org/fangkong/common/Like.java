package org.fangkong.common;

/** LIKE patterns from what a user typed: wildcards and the escape character taken literally. */
public final class Like {

    private Like() {
    }

    /** {@code %q%} with {@code \ % _} escaped, or null for a blank search (no filter). */
    public static String contains(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        return "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
