package org.fangkong.tracing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploaded lists, their sealed rows and their tasks are deleted together after the retention (28 days). */
@FangkongTest
class MatchRetentionTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MatchRetention retention;

    long list(Instant uploaded) {
        long id = jdbc.sql("""
                        insert into match_list (name, scope_code, scope_path, uploaded_by, uploaded_at, state)
                        select '旧名单', '370102', path, 'test', :at, 'DONE' from jurisdiction where code = '370102' returning id
                        """).param("at", Timestamp.from(uploaded)).query(Long.class).single();
        jdbc.sql("""
                        insert into match_row (list_id, row_no, name_masked, matched, jurisdiction_code, name_sealed)
                        values (:l, 2, '张*', true, '370102001002', '\\x01')
                        """).param("l", id).update();
        jdbc.sql("insert into follow_up_task (list_id, row_no, jurisdiction_code) values (:l, 2, '370102001002')")
                .param("l", id).update();
        return id;
    }

    long count(String table, long list) {
        return jdbc.sql("select count(*) from " + table + " where " + ("match_list".equals(table) ? "id" : "list_id") + " = :l")
                .param("l", list).query(Long.class).single();
    }

    @Test
    void aListOlderThanTheRetentionGoesWithItsRowsAndTasksAYoungerOneStays() {
        Instant now = Instant.now();
        long old = list(now.minus(29, ChronoUnit.DAYS));
        long young = list(now.minus(27, ChronoUnit.DAYS));
        assertThat(retention.purge(now)).isGreaterThanOrEqualTo(1);
        for (String table : new String[] {"match_list", "match_row", "follow_up_task"}) {
            assertThat(count(table, old)).as(table).isZero();
            assertThat(count(table, young)).as(table).isEqualTo(1);
        }
    }
}
