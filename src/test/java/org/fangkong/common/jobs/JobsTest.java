package org.fangkong.common.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Long jobs: progress while running, the outcome kept, only their owner (or an admin) sees them. */
@FangkongTest
class JobsTest {

    static final Actor OWNER = new Actor(1, "job-owner", "Owner", Role.OFFICER, "37", "37");
    static final Actor OTHER = new Actor(2, "job-other", "Other", Role.OFFICER, "37", "37");
    static final Actor ADMIN = new Actor(3, "job-admin", "Admin", Role.ADMIN, "37", "37");

    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;

    Job awaitEnd(UUID id) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Job job = jobs.find(id, OWNER);
        while (job.running() && System.nanoTime() < until) {
            Thread.sleep(20);
            job = jobs.find(id, OWNER);
        }
        return job;
    }

    @Test
    void showsProgressThenKeepsTheResult() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        UUID id = jobs.start("residentImport", OWNER, "/households", p -> {
            p.phase("writing", 10);
            p.done(5);
            halfway.countDown();
            goOn.await(10, TimeUnit.SECONDS);
            return Map.of("written", 10);
        });
        assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
        Job running = jobs.find(id, OWNER);
        assertThat(running.running()).isTrue();
        assertThat(running.phase()).isEqualTo("writing");
        // steps reach the job's row (which any instance reads) within a second or two
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (running.percent() < 50 && System.nanoTime() < until) {
            Thread.sleep(50);
            running = jobs.find(id, OWNER);
        }
        assertThat(running.percent()).isEqualTo(50);
        goOn.countDown();

        Job done = awaitEnd(id);
        assertThat(done.state()).isEqualTo(Job.State.DONE);
        assertThat(done.result()).containsEntry("written", 10);
        assertThat(done.link()).isEqualTo("/households");
        assertThat(jobs.find(id, ADMIN).id()).isEqualTo(id);
        assertThatThrownBy(() -> jobs.find(id, OTHER)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAdminSeesTheJobsOfTheirSubtreeOnly() throws Exception {
        Actor countyOfficer = new Actor(4, "job-county", "County", Role.OFFICER, "370102", "37.3701.370102");
        Actor countyAdmin = new Actor(5, "job-county-admin", "Admin", Role.ADMIN, "370102", "37.3701.370102");
        Actor otherCountyAdmin = new Actor(6, "job-other-admin", "Admin", Role.ADMIN, "370103", "37.3701.370103");
        UUID county = jobs.start("residentImport", countyOfficer, null, p -> Map.of());
        UUID province = jobs.start("residentImport", OWNER, null, p -> Map.of());
        awaitEnd(province);
        assertThat(jobs.find(county, countyAdmin).id()).isEqualTo(county);
        assertThat(jobs.find(county, ADMIN).id()).isEqualTo(county);
        assertThatThrownBy(() -> jobs.find(county, otherCountyAdmin)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> jobs.find(province, countyAdmin)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFailureKeepsItsReasonAndAnInterruptedJobSaysSo() throws Exception {
        UUID failed = jobs.start("residentImport", OWNER, null, p -> {
            throw new FieldException("file", "validation.import.notXlsx");
        });
        Job job = awaitEnd(failed);
        assertThat(job.state()).isEqualTo(Job.State.FAILED);
        assertThat(job.errorKey()).isEqualTo("validation.import.notXlsx");

        // a job whose instance stopped beating two minutes ago is marked; one of a live instance is left alone
        UUID orphan = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        jdbc.sql("""
                insert into job (id, kind, owner, state, instance, heartbeat_at, phase, done, total)
                values (:orphan, 'residentImport', 'job-owner', 'RUNNING', 'gone', now() - interval '2 minutes', 'rows', 5, 10),
                       (:elsewhere, 'residentImport', 'job-owner', 'RUNNING', 'other', now(), 'rows', 40, 100)
                """).param("orphan", orphan).param("elsewhere", elsewhere).update();
        jobs.markInterrupted();
        assertThat(jobs.find(orphan, OWNER).errorKey()).isEqualTo("job.interrupted");
        assertThat(jobs.find(orphan, OWNER).running()).isFalse();
        Job live = jobs.find(elsewhere, OWNER);
        assertThat(live.running()).isTrue();
        assertThat(live.percent()).isEqualTo(40); // progress another instance wrote, read from the row
        assertThat(live.phase()).isEqualTo("rows");
    }
}
