package org.fangkong.common.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a bean that runs on a schedule once per cluster, not once per instance (集群定时任务): the
 * nightly publication of risk levels, retention, vacuum, reminders. Stored and picked through db-scheduler's
 * table ({@link ClusterSchedule}): however many instances share the database, one of them runs each due
 * execution; if it dies mid-way, another picks the execution up once its heartbeats stop. Exactly one of
 * {@code cron} (Spring's six fields, in {@code zone}) and {@code fixedDelay} (an ISO-8601 duration); both
 * may be {@code ${placeholders}}. The method takes no arguments; it should be idempotent, as any scheduled
 * work that can be cut short should be.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ClusterScheduled {

    /** The task's name in {@code scheduled_tasks}; by default {@code SimpleClassName.method}. */
    String name() default "";

    String cron() default "";

    String zone() default "Asia/Shanghai";

    String fixedDelay() default "";
}
