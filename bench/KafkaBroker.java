import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single Kafka broker in KRaft mode in a JVM of its own, for bench/scale.sh: Kafka's own cluster test kit
 * (through spring-kafka-test), a real broker on a loopback port. Writes its bootstrap address to the file
 * named by the first argument and runs until killed.
 * Run with the test class path: java -cp "$CP" bench/KafkaBroker.java OUT PARTITIONS
 */
public class KafkaBroker {
    public static void main(String[] args) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Integer.parseInt(args[1])).kafkaPorts(0);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        Files.writeString(Path.of(args[0]), broker.getBrokersAsString());
        Thread.currentThread().join();
    }
}
