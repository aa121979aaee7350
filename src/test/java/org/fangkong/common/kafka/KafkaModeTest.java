package org.fangkong.common.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Without FANGKONG_KAFKA_BOOTSTRAP nothing of Kafka runs: the single embedded start stays as it was. */
@FangkongTest
class KafkaModeTest {

    @Autowired
    ApplicationContext context;

    @Test
    void withoutBrokersNoTopicListenerOrExternalizationExists() {
        assertThat(KafkaMode.on(context.getEnvironment())).isFalse();
        assertThat(context.getBeansOfType(NewTopic.class)).isEmpty();
        assertThat(context.containsBean("checkinStream")).isFalse();
        assertThat(context.containsBean("checkinStreamConsumer")).isFalse();
        assertThat(context.getBeanProvider(KafkaListenerEndpointRegistry.class).stream()
                .flatMap(r -> r.getListenerContainers().stream())).isEmpty();
        assertThat(context.getEnvironment().getProperty("spring.modulith.events.externalization.enabled")).isEqualTo("false");
    }

    @Test
    void theBootstrapVariableSwitchesItOnAndSetsSpringsBrokers() {
        MockEnvironment env = new MockEnvironment().withProperty("fangkong.kafka.bootstrap", "k1:9092,k2:9092");
        new KafkaMode().postProcessEnvironment(env, null);
        assertThat(KafkaMode.on(env)).isTrue();
        assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("k1:9092,k2:9092");
        assertThat(env.getProperty("spring.modulith.events.externalization.enabled")).isNull();
    }
}
