package org.fangkong.common.jobs;

/** What a running job tells its page: the phase it is in (a message key suffix) and how far along. */
public interface JobProgress {

    /** Enters a phase of {@code total} steps (0 when unknown). */
    void phase(String phase, long total);

    /** Steps done in the current phase so far. */
    void done(long done);
}
