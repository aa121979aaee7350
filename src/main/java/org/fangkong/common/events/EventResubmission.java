package org.fangkong.common.events;

import java.time.Duration;

import org.fangkong.common.jobs.ClusterSchedule;
import org.fangkong.common.jobs.ClusterScheduled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Publications whose listener failed (a deadlock, a database restart) or whose instance died before it ran
 * are run again by one instance of the cluster at a time (a cluster task), every
 * {@code fangkong.events.resubmit-every}, and at once when an instance starts. Only those older than
 * {@code fangkong.events.resubmit-older-than}: a listener still running on another instance is left to it.
 */
@Component
class EventResubmission {

    static final String TASK = "module-events-resubmit";

    private final IncompleteEventPublications incomplete;
    private final ClusterSchedule schedule;
    private final Duration olderThan;

    EventResubmission(IncompleteEventPublications incomplete, ClusterSchedule schedule,
                      @Value("${fangkong.events.resubmit-older-than:PT1M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.schedule = schedule;
        this.olderThan = olderThan;
    }

    @ClusterScheduled(name = TASK, fixedDelay = "${fangkong.events.resubmit-every:PT1M}")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }

    /** A restarted instance finishes what the last shutdown left, through the same cluster task. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        schedule.runSoon(TASK);
    }
}
