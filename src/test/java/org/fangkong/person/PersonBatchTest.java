package org.fangkong.person;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.PhoneNumber;
import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole-file resolve follows the one-by-one rules: ID first, phone on a record without another ID, gaps filled. */
@FangkongTest
class PersonBatchTest {

    private static final AtomicInteger SEQ = new AtomicInteger(700);

    @Autowired
    PersonBatch batch;
    @Autowired
    PersonRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager tx;

    static String id() {
        String first17 = "370102" + LocalDate.of(1960, 1, 1).plusDays(SEQ.incrementAndGet()).toString().replace("-", "") + "881";
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static String phone() {
        return "139" + String.format("%08d", 40_000_000 + SEQ.incrementAndGet());
    }

    static PersonRegistry.Checked who(String name, String id, String phone) {
        return PersonRegistry.check(new PersonIdentity(name, id, phone));
    }

    long[] resolveAll(List<PersonRegistry.Checked> who) {
        return new TransactionTemplate(tx).execute(s -> batch.resolveAll(who));
    }

    @Test
    void matchesLikeOneByOneAndCreatesEachNewPersonOnce() {
        String knownId = id();
        long known = registry.resolve(new PersonIdentity("周知", knownId, null));
        String phoneOnlyPhone = phone();
        long phoneOnly = registry.resolve(new PersonIdentity("吴电", null, phoneOnlyPhone));
        String otherIdPhone = phone();
        long otherId = registry.resolve(new PersonIdentity("郑别", id(), otherIdPhone));
        String newId = id();
        String newPhone = phone();
        String phoneOnlyNew = phone();
        String learnedId = id();
        String knownNewPhone = phone();

        long[] ids = resolveAll(List.of(
                who("周知", knownId, knownNewPhone),        // 0 known by ID, gains a phone
                who("吴电", learnedId, phoneOnlyPhone),     // 1 known by phone only: the record learns the ID
                who("王新", id(), otherIdPhone),             // 2 same phone as someone with another ID: a new person
                who("陈新", newId, newPhone),                // 3 new
                who("陈新", newId, null),                    // 4 the same new person again
                who("陈新", null, newPhone),                 // 5 ... and once by phone only
                who("林单", null, phoneOnlyNew),             // 6 new by phone only
                who("林单", null, phoneOnlyNew)));           // 7 the same

        assertThat(ids[0]).isEqualTo(known);
        assertThat(ids[1]).isEqualTo(phoneOnly);
        assertThat(ids[2]).isNotIn(known, phoneOnly, otherId).isPositive();
        assertThat(ids[3]).isPositive().isEqualTo(ids[4]).isEqualTo(ids[5]).isNotEqualTo(ids[2]);
        assertThat(ids[6]).isPositive().isEqualTo(ids[7]).isNotEqualTo(ids[3]);
        // the gaps were filled as resolve() fills them, and lookups agree with the batch
        assertThat(registry.resolve(who("任意", learnedId, null))).isEqualTo(phoneOnly);
        assertThat(registry.findByPhone(PhoneNumber.parse(knownNewPhone))).contains(known);
        assertThat(registry.resolve(who("任意", newId, null))).isEqualTo(ids[3]);
        assertThat(registry.find(ids[3]).sex()).isNotNull();
        assertThat(registry.find(ids[3]).phone()).isEqualTo(PhoneNumber.parse(newPhone).masked());
        assertThat(jdbc.sql("select count(*) from person where id in (:ids)")
                .param("ids", List.of(ids[2], ids[3], ids[6])).query(Long.class).single()).isEqualTo(3);
        // a second pass over the same list finds everyone and creates nobody
        long before = jdbc.sql("select count(*) from person").query(Long.class).single();
        long[] again = resolveAll(List.of(who("吴电", learnedId, phoneOnlyPhone), who("陈新", newId, newPhone),
                who("林单", null, phoneOnlyNew)));
        assertThat(again).containsExactly(phoneOnly, ids[3], ids[6]);
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(before);
    }
}
