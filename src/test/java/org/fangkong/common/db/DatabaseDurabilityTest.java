package org.fangkong.common.db;

import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The running embedded PostgreSQL keeps committed data safe: zonky's test defaults are overridden. */
@FangkongTest
class DatabaseDurabilityTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void fsyncAndSynchronousCommitAreOn() {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
        assertThat(show("full_page_writes")).isEqualTo("on");
    }

    @Test
    void extensionsTheSchemaNeedsAreInstalled() {
        assertThat(jdbc.sql("select extname from pg_extension").query(String.class).list())
                .contains("ltree", "pg_trgm");
    }

    private String show(String setting) {
        return jdbc.sql("show " + setting).query(String.class).single();
    }
}
