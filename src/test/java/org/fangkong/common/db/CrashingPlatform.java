package org.fangkong.common.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Run in a child JVM by {@link KillAndRestartTest}: starts the embedded database the way the
 * platform does, commits one row, says READY and waits to be killed with SIGKILL.
 */
public class CrashingPlatform {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedDatabaseConfig.start(Path.of(args[0]), "128MB");
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists crash_probe (id int primary key, note text)");
            s.execute("insert into crash_probe values (" + args[1] + ", 'committed before kill -9')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
