package org.fangkong.common.events;

import java.util.concurrent.Executor;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * How module events run. A listener of another module's event is an {@code @ApplicationModuleListener}:
 * the event is stored in {@code event_publication} with the publisher's transaction and the listener
 * runs after that commit, in a transaction of its own, on the publishing thread (the executor below is
 * synchronous on purpose: the officer's answer already shows the observation order the registration
 * opened). If the process dies between the commit and the listener, or the listener fails, the
 * publication stays incomplete and runs again ({@link EventResubmission}). Listeners are therefore idempotent.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class ModuleEvents implements AsyncConfigurer {

    @Override
    public Executor getAsyncExecutor() {
        return new SyncTaskExecutor();
    }
}
