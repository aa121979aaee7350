package org.fangkong.checkin;

import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Visit ids for the Kafka front door, taken from the database's sequence a block at a time: the id is fixed
 * before the scan is published (so a redelivery is recognised), and one round trip serves a thousand scans.
 * Ids of a block an instance never used are simply skipped.
 */
final class VisitIdBlocks {

    static final int BLOCK = 1000;

    private final JdbcClient jdbc;
    private final Deque<Long> free = new ArrayDeque<>(BLOCK);

    VisitIdBlocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    synchronized long next() {
        if (free.isEmpty()) {
            free.addAll(jdbc.sql("select nextval('checkin_id_seq') from generate_series(1, :n)")
                    .param("n", BLOCK).query(Long.class).list());
        }
        return free.removeFirst();
    }
}
