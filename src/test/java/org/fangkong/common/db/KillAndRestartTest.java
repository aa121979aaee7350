package org.fangkong.common.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the platform leaves its postmaster running and holding the data directory. The next
 * start must shut that orphan down, start at once and still have every committed row.
 */
class KillAndRestartTest {

    @Test
    void restartAfterKillNineLosesNothingCommitted() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target/test-data/kill-restart-" + System.nanoTime()));
        Process child = startChild(dataDir, 1);
        long postmasterPid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
        child.destroyForcibly(); // SIGKILL: no shutdown hooks run
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).as("orphaned postmaster").contains(true);

        // a second crash in a row, then a normal start in this JVM
        Process again = startChild(dataDir, 2);
        again.destroyForcibly();
        again.waitFor(30, TimeUnit.SECONDS);

        try (EmbeddedPostgres pg = EmbeddedDatabaseConfig.start(dataDir, "128MB");
             Connection c = pg.getPostgresDatabase().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from crash_probe order by id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aLiveOwnerIsNotKilled() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target/test-data/live-owner-" + System.nanoTime()));
        Process child = startChild(dataDir, 1);
        try {
            Assertions.assertThatThrownBy(() -> EmbeddedDatabaseConfig.start(dataDir, "128MB"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            // leave no orphan behind from this test
            OrphanPostmaster.stopIfRunning(dataDir.resolve("pg"));
        }
    }

    private static Process startChild(Path dataDir, int row) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingPlatform.class.getName(), dataDir.toString(), Integer.toString(row))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("READY")) {
                // keep draining so the child never blocks on a full pipe
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return p;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        p.destroyForcibly();
        throw new AssertionError("child platform did not start");
    }
}
