package org.fangkong.checkin;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fangkong.common.kafka.KafkaOnCondition;
import org.fangkong.common.pii.PiiSealer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The check-in topic, its producer (acks=all, idempotent) and its consumers, only with Kafka switched on.
 * A failed poll (the database away) is retried every second, without end: a scan the broker acknowledged is
 * never dropped.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaOnCondition.class)
class CheckinStreamConfig {

    @Bean
    NewTopic checkinTopic(@Value("${fangkong.kafka.checkin-topic:fangkong.checkins.v1}") String topic,
                          @Value("${fangkong.kafka.checkin-partitions:12}") int partitions,
                          @Value("${fangkong.kafka.replication:1}") short replicas,
                          @Value("${fangkong.kafka.checkin-retention:P7D}") Duration retention) {
        // the messages hold sealed and masked phones: kept a week (a replay after a bad deploy), then gone
        return TopicBuilder.name(topic).partitions(partitions).replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())).build();
    }

    @Bean
    KafkaTemplate<String, byte[]> checkinTemplate(KafkaProperties kafka, MeterRegistry meters) {
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(
                producerConfig(kafka.buildProducerProperties()));
        factory.addListener(new MicrometerProducerListener<>(meters));
        // the factory is not a bean (one would replace Boot's for the module events): closed with its template,
        // so a stopping instance flushes and closes its producer instead of leaving it to reconnect for ever
        return new KafkaTemplate<>(factory) {
            @Override
            public void destroy() {
                super.destroy();
                factory.destroy();
            }
        };
    }

    /**
     * The check-in producer's settings over Boot's: acks from all in-sync replicas, idempotent, and bounded in
     * time: a scan the brokers have not taken within 9 s is given up by the producer itself, before the front
     * door's 10 s wait ends and the citizen is told to scan again, so a scan reported as failed is not stored
     * later behind the citizen's back.
     */
    static Map<String, Object> producerConfig(Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5); // fewer, larger produce requests; the scan waits a few ms more
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 4000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 9000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> checkinListenerFactory(KafkaProperties kafka, MeterRegistry meters,
            @Value("${fangkong.kafka.checkin-group:fangkong-checkins}") String group) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, CheckinWriter.MAX_BATCH);
        // wait up to 20 ms for 32 KB (about 200 scans): fewer, larger transactions, each one fsync
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 32 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config);
        consumers.addListener(new MicrometerConsumerListener<>(meters));
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }

    @Bean
    CheckinStream checkinStream(KafkaTemplate<String, byte[]> checkinTemplate,
                                @Value("${fangkong.kafka.checkin-topic:fangkong.checkins.v1}") String topic, JdbcClient jdbc,
                                VisitIds ids, PiiSealer sealer) {
        return new CheckinStream(checkinTemplate, topic, new VisitIdBlocks(jdbc), ids, sealer, jdbc);
    }

    @Bean
    CheckinStreamConsumer checkinStreamConsumer(CheckinWriter writer, MeterRegistry meters) {
        return new CheckinStreamConsumer(writer, meters);
    }
}
