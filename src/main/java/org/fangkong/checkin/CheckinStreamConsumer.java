package org.fangkong.checkin;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Writes the scans of the check-in topic into PostgreSQL: each poll (up to 500 scans of this consumer's
 * partitions) is one transaction through the same rules as the direct writer, and its offsets are committed
 * after it. A crash between the two redelivers scans that are stored already; their fixed ids make them no
 * second visit. Consumers are spread over the instances by Kafka's group protocol.
 */
class CheckinStreamConsumer {

    private static final Logger log = LoggerFactory.getLogger(CheckinStreamConsumer.class);

    private final CheckinWriter writer;
    private final Counter written;

    CheckinStreamConsumer(CheckinWriter writer, MeterRegistry meters) {
        this.writer = writer;
        this.written = Counter.builder("fangkong.checkins.consumed").description("scans written from the check-in topic")
                .register(meters);
    }

    @KafkaListener(id = "checkin-consumer", topics = "${fangkong.kafka.checkin-topic:fangkong.checkins.v1}",
            containerFactory = "checkinListenerFactory", concurrency = "${fangkong.kafka.consumers:2}")
    void consume(List<ConsumerRecord<String, byte[]>> records) {
        List<CheckinWriter.Request> scans = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            ScanMessage m;
            try {
                m = ScanMessage.decode(r.value());
            } catch (UncheckedIOException e) {
                // a truncated message, nothing to recover; say where it is, not what it holds (a newer version is
                // not caught: the batch fails and is retried until an instance that reads it owns the partition)
                log.error("check-in message at {}-{}@{} unreadable and skipped: {}", r.topic(), r.partition(), r.offset(),
                        e.getMessage());
                continue;
            }
            scans.add(CheckinWriter.Request.fixed(m.venueId(), m.masked(), m.hash(), m.sealed(), m.at(), m.id(), m.out(),
                    m.reason()));
        }
        writer.applyFixed(scans);
        written.increment(scans.size());
    }
}
