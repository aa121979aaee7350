package org.fangkong.person;

import java.util.List;
import java.util.stream.Collectors;

import org.fangkong.common.jobs.ClusterScheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A recorded identity nobody's row holds any more, and then a person with no row and no record
 * left, are deleted (docs/privacy.md): the registry keeps people only while a ledger, an order, a
 * case or a list still needs them. Who holds them is read from the schema's foreign keys, so a new
 * module's table counts without a change here. Runs nightly after the modules' own retention.
 */
@Component
class PersonRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonRetention.class);

    /** What one run deleted. */
    record Purged(int records, int persons) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    PersonRetention(JdbcClient jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    /** {@code not exists} for every foreign key pointing at {@code table}, alias {@code t}. */
    private String unreferenced(String table) {
        List<String[]> refs = jdbc.sql("""
                        select c.conrelid::regclass::text, a.attname
                        from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                        where c.contype = 'f' and c.confrelid = cast(:t as regclass) and array_length(c.conkey, 1) = 1
                        order by 1, 2
                        """).param("t", table).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        // names come from the catalogue, not from input
        return refs.stream().map(r -> "not exists (select 1 from " + r[0] + " x where x." + r[1] + " = t.id)")
                .collect(Collectors.joining(" and "));
    }

    Purged purge() {
        return tx.execute(status -> {
            // a day's grace: a person found a moment ago may be about to get their row
            int records = jdbc.sql("delete from person_record t where t.recorded_at < now() - interval '1 day' and "
                    + unreferenced("person_record")).update();
            int persons = jdbc.sql("delete from person t where t.updated_at < now() - interval '1 day' and "
                    + unreferenced("person")).update();
            return new Purged(records, persons);
        });
    }

    @ClusterScheduled(cron = "0 15 4 * * *")
    void nightly() {
        Purged p = purge();
        log.info("Person retention: {} recorded identities and {} people no row holds any more deleted", p.records(), p.persons());
    }
}
