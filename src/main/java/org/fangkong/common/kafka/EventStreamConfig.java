package org.fangkong.common.kafka;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
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

    @Bean
    KafkaTemplate<Object, Object> kafkaTemplate(ProducerFactory<Object, Object> producers,
                                                ObjectProvider<RecordMessageConverter> converter) {
        KafkaTemplate<Object, Object> template = new KafkaTemplate<>(producers);
        converter.ifAvailable(template::setMessageConverter);
        return template;
    }
}
