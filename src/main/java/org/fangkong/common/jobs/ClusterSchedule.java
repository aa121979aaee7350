package org.fangkong.common.jobs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Runs every {@link ClusterScheduled} method through db-scheduler: each is a recurring task in
 * {@code scheduled_tasks}, picked by one instance at a time (a row lock and a version check), so several
 * instances on one database run each due execution once. How long each run took is a timer of the metrics
 * ({@code fangkong.tasks}, tagged by task and outcome).
 */
@Component
public class ClusterSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterSchedule.class);

    private final ApplicationContext context;
    private final DataSource dataSource;
    private final Environment environment;
    private final MeterRegistry meters;
    private final InstanceName instance;
    private final Duration pollEvery;
    private volatile Scheduler scheduler;

    ClusterSchedule(ApplicationContext context, DataSource dataSource, Environment environment, MeterRegistry meters,
                    InstanceName instance, @Value("${fangkong.tasks.poll-every:PT2S}") Duration pollEvery) {
        this.context = context;
        this.dataSource = dataSource;
        this.environment = environment;
        this.meters = meters;
        this.instance = instance;
        this.pollEvery = pollEvery;
    }

    @Override
    public void start() {
        // built afresh at each start: the test framework pauses cached contexts (stop) and starts them again
        List<RecurringTask<Void>> tasks = new ArrayList<>();
        for (String beanName : context.getBeanNamesForType(Object.class, false, false)) {
            Class<?> type = context.getType(beanName);
            if (type == null) {
                continue;
            }
            Class<?> target = ClassUtils.getUserClass(type);
            Map<Method, ClusterScheduled> methods = MethodIntrospector.selectMethods(target,
                    (MethodIntrospector.MetadataLookup<ClusterScheduled>) m ->
                            AnnotatedElementUtils.findMergedAnnotation(m, ClusterScheduled.class));
            methods.forEach((method, spec) -> tasks.add(task(context.getBean(beanName), target, method, spec)));
        }
        scheduler = Scheduler.create(dataSource) // start tasks are known tasks too
                .startTasks(tasks)
                .threads(2)
                .pollingInterval(pollEvery)
                .schedulerName(new SchedulerName.Fixed(instance.value()))
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
        scheduler.start();
        log.info("{} cluster tasks scheduled (db-scheduler, instance {})", tasks.size(), instance.value());
    }

    private RecurringTask<Void> task(Object bean, Class<?> target, Method method, ClusterScheduled spec) {
        String name = spec.name().isEmpty() ? target.getSimpleName() + "." + method.getName() : spec.name();
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        return Tasks.recurring(name, schedule(name, spec)).execute((taskInstance, execution) -> {
            Timer.Sample sample = Timer.start(meters);
            String outcome = "success";
            try {
                invocable.invoke(bean);
            } catch (InvocationTargetException e) {
                outcome = "failure";
                // db-scheduler logs it and runs the task again at its next time
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                outcome = "failure";
                throw new IllegalStateException(e);
            } finally {
                sample.stop(Timer.builder("fangkong.tasks").description("cluster task runs").tag("task", name)
                        .tag("outcome", outcome).register(meters));
            }
        });
    }

    private Schedule schedule(String name, ClusterScheduled spec) {
        String cron = environment.resolvePlaceholders(spec.cron());
        String delay = environment.resolvePlaceholders(spec.fixedDelay());
        if (cron.isEmpty() == delay.isEmpty()) {
            throw new IllegalStateException("cluster task " + name + " needs exactly one of cron and fixedDelay");
        }
        return cron.isEmpty() ? Schedules.fixedDelay(Duration.parse(delay)) : Schedules.cron(cron, ZoneId.of(spec.zone()));
    }

    /** Runs a task as soon as an instance is free to, instead of at its next time (e.g. on start). */
    public void runSoon(String name) {
        Scheduler s = scheduler;
        if (s != null) {
            try {
                s.reschedule(TaskInstanceId.of(name, RecurringTask.INSTANCE), Instant.now());
            } catch (RuntimeException e) {
                log.debug("cluster task {} not brought forward (it is running now): {}", name, e.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        Scheduler s = scheduler;
        scheduler = null;
        if (s != null) {
            s.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** After the web server and the Kafka containers stop; well before the database goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
