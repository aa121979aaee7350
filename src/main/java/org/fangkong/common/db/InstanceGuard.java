package org.fangkong.common.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One Fangkong per data directory. The pid of the JVM that owns the directory is kept in
 * {@code fangkong.pid}; a live owner stops a second start with a clear message, a dead one
 * (killed with {@code kill -9}) is simply replaced.
 */
final class InstanceGuard {

    private InstanceGuard() {
    }

    static void claim(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("fangkong.pid");
        long self = ProcessHandle.current().pid();
        if (Files.exists(pidFile)) {
            Optional<ProcessHandle> owner = parse(Files.readString(pidFile, StandardCharsets.US_ASCII))
                    .filter(pid -> pid != self)
                    .flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("java")).orElse(false));
            if (owner.isPresent()) {
                throw new IllegalStateException("Fangkong is already running on data directory " + dataDir
                        + " (pid " + owner.get().pid() + "). Stop it first, or set fangkong.data-dir.");
            }
        }
        Files.writeString(pidFile, Long.toString(self), StandardCharsets.US_ASCII);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // the next start replaces a stale file anyway
            }
        }, "fangkong-pid-cleanup"));
    }

    private static Optional<Long> parse(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
