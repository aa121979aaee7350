package org.fangkong.common.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After {@code kill -9} of the JVM, the postmaster that zonky started with {@code pg_ctl} lives on
 * and holds the data directory ({@code postmaster.pid}). The {@link InstanceGuard} has already made
 * sure no other Fangkong owns this directory, so such a postmaster is an orphan: shut it down
 * (fast shutdown, which checkpoints) before starting our own.
 */
final class OrphanPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);

    private OrphanPostmaster() {
    }

    static void stopIfRunning(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        if (postmaster.isEmpty()) {
            return; // stale pid file: PostgreSQL itself handles it
        }
        ProcessHandle p = postmaster.get();
        log.warn("Found an orphaned embedded PostgreSQL (pid {}) holding {}; shutting it down", p.pid(), pgDir);
        signal("INT", p.pid());
        if (!waitForExit(p, 60)) {
            log.warn("Orphaned PostgreSQL did not stop after fast shutdown; sending SIGQUIT");
            signal("QUIT", p.pid());
            if (!waitForExit(p, 30)) {
                p.destroyForcibly();
                waitForExit(p, 10);
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void signal(String signal, long pid) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling postmaster", e);
        }
    }

    private static boolean waitForExit(ProcessHandle p, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (p.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !p.isAlive();
    }
}
