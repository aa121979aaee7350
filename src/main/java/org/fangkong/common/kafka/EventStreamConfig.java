package org.fangkong.common.kafka;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.converter.RecordMessageConverter;

/**
 * The template module events are externalized with (Spring Modulith's Kafka externalizer): Boot's producer
 * settings (acks=all, idempotent, JSON values through Modulith's converter). Declared here because the
 * check-in topic's own template would otherwise stand in for Boot's.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaOnCondition.class)
class EventStreamConfig {

    static final List<String> TOPICS = List.of("fangkong.cases.v1", "fangkong.zoning.v1", "fangkong.observation-orders.v1");

    /** The topics of externalized events (docs/scale.md): created if missing, with the check-in topic's replication. */
    @Bean
    KafkaAdmin.NewTopics eventTopics(@Value("${fangkong.kafka.event-partitions:6}") int partitions,
                                     @Value("${fangkong.kafka.replication:1}") short replicas) {
        return new KafkaAdmin.NewTopics(TOPICS.stream().map(t -> TopicBuilder.name(t).partitions(partitions).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    KafkaTemplate<Object, Object> kafkaTemplate(ProducerFactory<Object, Object> producers,
                                                ObjectProvider<RecordMessageConverter> converter) {
        KafkaTemplate<Object, Object> template = new KafkaTemplate<>(producers);
        converter.ifAvailable(template::setMessageConverter);
        return template;
    }
}
