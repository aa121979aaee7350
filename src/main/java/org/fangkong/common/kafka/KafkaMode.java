package org.fangkong.common.kafka;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Kafka is switched on by {@code FANGKONG_KAFKA_BOOTSTRAP} ({@code fangkong.kafka.bootstrap}) alone. Without it
 * nothing of Kafka runs: check-ins go through the in-process writer and module events are not externalized
 * (Spring Kafka is on the class path either way, and Modulith would otherwise send every externalized event to
 * a broker on localhost). With it, Spring's Kafka settings follow from it unless they are given themselves.
 */
public class KafkaMode implements EnvironmentPostProcessor {

    public static final String BOOTSTRAP = "fangkong.kafka.bootstrap";

    /** Whether this instance runs with Kafka. */
    public static boolean on(Environment environment) {
        String bootstrap = environment.getProperty(BOOTSTRAP);
        return bootstrap != null && !bootstrap.isBlank();
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        if (on(environment)) {
            derived.put("spring.kafka.bootstrap-servers", environment.getProperty(BOOTSTRAP));
        } else {
            derived.put("spring.modulith.events.externalization.enabled", "false");
        }
        // last: anything set explicitly wins
        environment.getPropertySources().addLast(new MapPropertySource("fangkong-kafka-mode", derived));
    }
}
