package org.fangkong.privacy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.fangkong.cases.CaseRegistry;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.checkpoints.PassageForm;
import org.fangkong.ledger.checkpoints.PassageLog;
import org.fangkong.ledger.outsiders.OutsiderForm;
import org.fangkong.ledger.outsiders.OutsiderLedger;
import org.fangkong.ledger.residents.ResidentForm;
import org.fangkong.ledger.residents.ResidentLedger;
import org.fangkong.observation.ObservationOrders;
import org.fangkong.person.PersonMerges;
import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge repoints every module's rows (issue 12, item 1): one test per module that holds a person
 * id. The merged person is made through that module only, then merged into a resident.
 */
@FangkongTest
class PersonMergeRepointTest {

    static final String VILLAGE = "370102001003";
    static final String COUNTY = "370102";
    private static final AtomicInteger SEQ = new AtomicInteger(1_000);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonMerges merges;
    @Autowired
    ResidentLedger residents;
    @Autowired
    OutsiderLedger outsiders;
    @Autowired
    PassageLog passages;
    @Autowired
    ObservationOrders observations;
    @Autowired
    CaseRegistry cases;
    @Autowired
    PlatformTransactionManager tx;

    static String id() {
        String first17 = "370102" + LocalDate.of(1966, 3, 1).plusDays(SEQ.incrementAndGet()).toString().replace("-", "") + "771";
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static String phone() {
        return "135" + String.format("%08d", 71_000_000 + SEQ.incrementAndGet());
    }

    Actor officer() {
        String path = jdbc.sql("select path::text from jurisdiction where code = :c").param("c", COUNTY).query(String.class).single();
        return new Actor(0, "merge-test", "测试", Role.OFFICER, COUNTY, path);
    }

    /** The kept person: a resident known by phone only. */
    long kept() {
        var h = residents.createHousehold(VILLAGE, "合并楼", SEQ.incrementAndGet() + " 号", officer());
        return residents.addResident(h.id(), new ResidentForm("合并人", null, phone(), "HEAD", "LIVING", "HEALTHY", false, null),
                officer()).personId();
    }

    void merge(long kept, long merged) {
        new TransactionTemplate(tx).executeWithoutResult(s -> merges.merge(kept, merged, "同一人", officer().scopePath()));
    }

    long rows(String table, long person) {
        return jdbc.sql("select count(*) from " + table + " where person_id = :p").param("p", person).query(Long.class).single();
    }

    @Test
    void ledgerResidentsOutsidersAndPassagesFollowTheMerge() {
        long kept = kept();
        String idNumber = id();
        var h = residents.createHousehold(VILLAGE, "合并楼", SEQ.incrementAndGet() + " 号", officer());
        long merged = residents.addResident(h.id(), new ResidentForm("合并人", idNumber, null, "SPOUSE", "LIVING", "HEALTHY",
                false, null), officer()).personId();
        outsiders.register(new OutsiderForm(VILLAGE, "合并人", idNumber, null, "河南省", "41", LocalDate.now().minusDays(2), null,
                "合并楼", null, "探亲"), officer());
        var gate = passages.createCheckpoint(VILLAGE, "合并门", "GATE", "", officer());
        passages.record(gate.id(), new PassageForm("IN", "合并人", idNumber, null, "", "", "", "", new BigDecimal("36.5")), officer());
        merge(kept, merged);
        for (String table : new String[] {"resident", "outsider", "passage"}) {
            assertThat(rows(table, merged)).as(table).isZero();
            assertThat(rows(table, kept)).as(table).isPositive();
        }
    }

    @Test
    void observationOrdersFollowTheMergeAndTwoOpenOrdersBecomeOne() {
        String keptPhone = phone();
        long kept = observations.open(new ObservationOrders.OrderForm("合并人", null, keptPhone, "OFFICER", "",
                LocalDate.now().minusDays(1), VILLAGE, null, "", "", ""), officer()).order().personId();
        long merged = observations.open(new ObservationOrders.OrderForm("合并人", id(), null, "OFFICER", "",
                LocalDate.now().minusDays(2), VILLAGE, null, "", "", ""), officer()).order().personId();
        merge(kept, merged);
        assertThat(rows("observation_order", merged)).isZero();
        assertThat(rows("observation_order", kept)).isEqualTo(2);
        // one person, one open order: the merged person's closed as transferred
        assertThat(jdbc.sql("select count(*) from observation_order where person_id = :p and status in ('ACTIVE', 'ESCALATED')")
                .param("p", kept).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void casesFollowTheMerge() {
        long kept = kept();
        long merged = cases.record(new CaseRegistry.CaseForm("合并人", id(), null, "SUSPECTED", VILLAGE, null, null, null, null,
                null, null, ""), officer()).personId();
        merge(kept, merged);
        assertThat(rows("case_record", merged)).isZero();
        assertThat(rows("case_record", kept)).isEqualTo(1);
    }

    @Test
    void matchedRowsFollowTheMerge() {
        long kept = kept();
        String idNumber = id();
        var h = residents.createHousehold(VILLAGE, "合并楼", SEQ.incrementAndGet() + " 号", officer());
        long merged = residents.addResident(h.id(), new ResidentForm("合并人", idNumber, null, "SPOUSE", "LIVING", "HEALTHY",
                false, null), officer()).personId();
        long list = jdbc.sql("""
                        insert into match_list (name, scope_code, scope_path, uploaded_by, state)
                        select '名单', code, path, 'merge-test', 'DONE' from jurisdiction where code = :c returning id
                        """).param("c", COUNTY).query(Long.class).single();
        jdbc.sql("insert into match_row (list_id, row_no, person_id, matched) values (:l, 2, :p, true)")
                .param("l", list).param("p", merged).update();
        merge(kept, merged);
        assertThat(rows("match_row", merged)).isZero();
        assertThat(rows("match_row", kept)).isEqualTo(1);
    }
}
