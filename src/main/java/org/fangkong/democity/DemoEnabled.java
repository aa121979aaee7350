package org.fangkong.democity;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo data exists only on a demo installation: {@code fangkong.demo.enabled} (default on) and the
 * embedded database. On an external database, or with the switch off, the demo pages and endpoints
 * are not there at all (404), so no admin can load synthetic people into real data.
 */
public class DemoEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        String url = env.getProperty("fangkong.db.url");
        return env.getProperty("fangkong.demo.enabled", Boolean.class, true) && (url == null || url.isBlank());
    }
}
