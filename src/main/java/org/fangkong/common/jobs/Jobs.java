package org.fangkong.common.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.RowsRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs long jobs (a 100,000-row import, a cross-matching list) in the background so the page that
 * started one can show its progress, and whoever started it can leave and come back
 * (docs/design.md §5). The work runs as the staff member who started it; what it returns is kept as
 * the job's result. An import refused for bad rows keeps those rows as the result.
 */
@Service
public class Jobs {

    /** The job's work; gets the progress to report and returns its result (a record or map). */
    @FunctionalInterface
    public interface Work {
        Object run(JobProgress progress) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-progress");
        t.setDaemon(true);
        return t;
    });
    private final String instance;
    private final Timer durations;

    Jobs(JdbcClient jdbc, Clock clock, InstanceName instance, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instance = instance.value();
        this.durations = Timer.builder("fangkong.jobs").description("long jobs (imports, cross-matching), start to end")
                .register(meters);
        // progress goes to the job's row every second, with this instance's heartbeat: any instance shows the page
        beat.scheduleWithFixedDelay(this::writeProgress, 1, 1, TimeUnit.SECONDS);
        // two cores: two jobs at a time, a few more waiting, the rest refused with a clear message
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(8);
        executor.setThreadNamePrefix("job-");
        executor.initialize();
    }

    @PreDestroy
    void stop() {
        beat.shutdownNow();
        executor.shutdown();
    }

    private void writeProgress() {
        running.values().forEach(this::writeProgress);
    }

    private void writeProgress(Running job) {
        try {
            jdbc.sql("""
                            update job set phase = :phase, done = :done, total = :total, heartbeat_at = now()
                            where id = :id and state = 'RUNNING'
                            """)
                    .param("id", job.id).param("phase", job.phase).param("done", job.done).param("total", job.total).update();
        } catch (RuntimeException e) {
            log.warn("progress of job {} not written: {}", job.id, e.toString());
        }
    }

    /**
     * A job whose instance stopped beating (stopped, crashed) did not finish, and wrote nothing: once a minute,
     * on one instance, such jobs are marked. A job of a live instance beats every second and is left alone.
     */
    @ClusterScheduled(fixedDelay = "PT1M")
    void markInterrupted() {
        int n = jdbc.sql("""
                        update job set state = 'FAILED', error_key = 'job.interrupted', finished_at = now()
                        where state = 'RUNNING' and coalesce(heartbeat_at, started_at) < now() - interval '1 minute'
                        """)
                .update();
        if (n > 0) {
            log.warn("{} jobs stopped beating (their instance stopped) and are marked interrupted", n);
        }
    }

    /**
     * Starts {@code work} in the background as {@code actor}; {@code link} is the page that shows
     * the result in full (or null). Answers the job's id at once.
     */
    public UUID start(String kind, Actor actor, String link, Work work) {
        UUID id = UUID.randomUUID();
        Running job = new Running(id, kind, actor.username(), link, clock.instant());
        jdbc.sql("""
                        insert into job (id, kind, owner, owner_scope, state, link, started_at, instance, heartbeat_at, phase)
                        values (:id, :kind, :owner, cast(:scope as ltree), 'RUNNING', :link, :at, :instance, now(), 'queued')
                        """)
                .param("id", id).param("instance", instance).param("kind", kind).param("owner", actor.username()).param("scope", actor.scopePath())
                .param("link", link)
                .param("at", OffsetDateTime.ofInstant(job.startedAt, clock.getZone())).update();
        running.put(id, job);
        SecurityContext context = SecurityContextHolder.getContext();
        try {
            executor.execute(() -> run(job, context, work));
        } catch (RejectedExecutionException e) {
            finish(job, Job.State.FAILED, null, "job.busy");
        }
        return id;
    }

    private void run(Running job, SecurityContext context, Work work) {
        SecurityContextHolder.setContext(context);
        try {
            Object result = work.run(job);
            finish(job, Job.State.DONE, result == null ? null : json.convertValue(result, MAP), null);
        } catch (RowsRejected e) {
            Map<String, Object> rejected = new LinkedHashMap<>();
            rejected.put("rejected", e.errors().size());
            rejected.put("errors", json.convertValue(e.errors(), List.class));
            finish(job, Job.State.FAILED, rejected, "job.rejected");
        } catch (FieldException e) {
            finish(job, Job.State.FAILED, Map.of("field", e.field()), e.messageKey());
        } catch (Exception | Error e) {
            log.error("job {} ({}) failed", job.id, job.kind, e); // no personal data: the work's own exception
            finish(job, Job.State.FAILED, null, "job.failed");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void finish(Running job, Job.State state, Map<String, Object> result, String errorKey) {
        jdbc.sql("""
                        update job set state = :state, result = cast(:result as jsonb), error_key = :err, finished_at = now()
                        where id = :id
                        """)
                .param("id", job.id).param("state", state.name()).param("err", errorKey)
                .param("result", result == null ? null : json.writeValueAsString(result)).update();
        running.remove(job.id);
        durations.record(Duration.between(job.startedAt, clock.instant()));
    }

    /**
     * The job, if {@code actor} started it, or is an admin whose subtree holds the scope of whoever
     * started it (a county admin does not see the city's jobs); 404 otherwise.
     */
    public Job find(UUID id, Actor actor) {
        boolean visible = jdbc.sql("""
                        select exists (select 1 from job where id = :id and (owner = :me
                                       or (:admin and owner_scope <@ cast(:scope as ltree))))
                        """).param("id", id).param("me", actor.username()).param("admin", actor.is(Role.ADMIN))
                .param("scope", actor.scopePath()).query(Boolean.class).single();
        if (!visible) {
            throw new NotFoundException("job");
        }
        return jdbc.sql("""
                        select id, kind, owner, state, phase, done, total, link, result::text as result, error_key, started_at,
                               finished_at
                        from job where id = :id
                        """).param("id", id).query((rs, n) -> new Job(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("owner"), Job.State.valueOf(rs.getString("state")),
                        // progress belongs to a running job; a finished one shows its result
                        "RUNNING".equals(rs.getString("state")) ? rs.getString("phase") : null,
                        "RUNNING".equals(rs.getString("state")) ? rs.getLong("done") : 0,
                        "RUNNING".equals(rs.getString("state")) ? rs.getLong("total") : 0, rs.getString("link"),
                        rs.getString("result") == null ? null : json.readValue(rs.getString("result"), MAP),
                        rs.getString("error_key"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                                .orElse(null)))
                .optional()
                .orElseThrow(() -> new NotFoundException("job"));
    }

    /** A job in flight on this instance: progress in memory, written to the job's row every second. */
    private final class Running implements JobProgress {
        final UUID id;
        final String kind;
        final String owner;
        final String link;
        final Instant startedAt;
        volatile String phase = "queued";
        volatile long total;
        volatile long done;

        Running(UUID id, String kind, String owner, String link, Instant startedAt) {
            this.id = id;
            this.kind = kind;
            this.owner = owner;
            this.link = link;
            this.startedAt = startedAt;
        }

        @Override
        public void phase(String phase, long total) {
            this.done = 0;
            this.total = total;
            this.phase = phase;
            writeProgress(this); // a new phase shows at once; steps within it every second
        }

        @Override
        public void done(long done) {
            this.done = done;
        }

    }
}
