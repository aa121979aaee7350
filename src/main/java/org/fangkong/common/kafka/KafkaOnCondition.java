package org.fangkong.common.kafka;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Beans that exist only when Kafka is switched on ({@link KafkaMode}). */
public class KafkaOnCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return KafkaMode.on(context.getEnvironment());
    }
}
