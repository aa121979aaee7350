package org.fangkong.common.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.fangkong.common.FangkongProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The database: embedded PostgreSQL under {@code <data-dir>/pg} by default, or the external one
 * named by {@code FANGKONG_DB_URL}. The embedded server runs with fsync and synchronous_commit on:
 * zonky turns both off for tests, which is wrong for data people depend on.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedDatabaseCondition.class)
    EmbeddedPostgres embeddedPostgres(FangkongProperties properties) throws IOException {
        return start(properties.dataDir(), properties.db().sharedBuffers());
    }

    /** Starts (or restarts after a crash) the embedded server that keeps its data in {@code <dataDir>/pg}. */
    static EmbeddedPostgres start(Path dataDirectory, String sharedBuffers) throws IOException {
        Path dataDir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        InstanceGuard.claim(dataDir);
        Path pgDir = dataDir.resolve("pg");
        OrphanPostmaster.stopIfRunning(pgDir);
        log.info("Starting embedded PostgreSQL in {}", pgDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", sharedBuffers)
                // crash recovery after kill -9 can take a while on a big data directory
                .setPGStartupWait(Duration.ofSeconds(120))
                // stopped by the context (destroyMethod), after the beans that still write on shutdown:
                // zonky's own JVM hook would stop it at the same time as the context closes
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(FangkongProperties properties, ObjectProvider<EmbeddedPostgres> embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("fangkong");
        config.setMaximumPoolSize(16);
        // batched inserts (check-in group commit, imports) become multi-row inserts on the wire
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        EmbeddedPostgres pg = embedded.getIfAvailable();
        if (pg != null) {
            config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        } else {
            FangkongProperties.Db db = properties.db();
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        }
        return new HikariDataSource(config);
    }
}
