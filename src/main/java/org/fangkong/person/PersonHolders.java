package org.fangkong.person;

/**
 * A module that holds person ids in rows other than {@link PersonRecords} (the matched rows of
 * uploaded lists, follow-up tasks) says whether one of those rows lies in a scope: a person is in
 * a caller's scope only when a row of the caller's subtree holds them.
 */
public interface PersonHolders {

    /** Whether a row of this module in the subtree {@code scopePath} holds {@code personId}. */
    boolean holds(long personId, String scopePath);
}
