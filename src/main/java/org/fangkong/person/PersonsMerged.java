package org.fangkong.person;

/**
 * Two records turned out to be one person: everything that pointed at {@code merged} must now
 * point at {@code kept}. Published inside the merge's transaction, so listeners repoint their rows
 * in it (synchronously) and the merge is all or nothing.
 */
public record PersonsMerged(long kept, long merged) {
}
