package org.fangkong.privacy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.checkpoints.PassageForm;
import org.fangkong.ledger.checkpoints.PassageLog;
import org.fangkong.ledger.residents.ResidentForm;
import org.fangkong.ledger.residents.ResidentLedger;
import org.fangkong.observation.ObservationOrders;
import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every personal table has its retention (issue 12, item 15; docs/privacy.md): old passages, the
 * readings of long-released orders, residents long moved out go; then the recorded identities and
 * people no row holds any more. Fresh rows of the same kinds stay.
 */
@FangkongTest
class RetentionTest {

    static final String VILLAGE = "370102001003";
    private static final AtomicInteger SEQ = new AtomicInteger(9_000);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ResidentLedger residents;
    @Autowired
    PassageLog passages;
    @Autowired
    ObservationOrders orders;
    @Autowired
    ApplicationContext context;

    Actor officer() {
        String path = jdbc.sql("select path::text from jurisdiction where code = '370102'").query(String.class).single();
        return new Actor(0, "retention-test", "测试", Role.OFFICER, "370102", path);
    }

    static String id() {
        String first17 = "370102" + LocalDate.of(1955, 1, 1).plusDays(SEQ.incrementAndGet()).toString().replace("-", "") + "613";
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    /** Runs a module's package-private nightly purge as the scheduler would (now, or {@code now} given). */
    void run(String bean, Object... args) throws Exception {
        Object job = context.getBean(Class.forName(bean));
        for (var m : job.getClass().getDeclaredMethods()) {
            if (m.getName().equals("purge") && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                m.invoke(job, args);
                return;
            }
        }
        throw new AssertionError("no purge on " + bean);
    }

    @Test
    void oldPersonalRowsGoAndThenThePeopleNoRowHoldsAnyMore() throws Exception {
        Instant now = Instant.now();
        // a resident who moved out two years ago, and one still living there
        var h = residents.createHousehold(VILLAGE, "保存楼", SEQ.incrementAndGet() + " 号", officer());
        var gone = residents.addResident(h.id(), new ResidentForm("迁出人", id(), null, "HEAD", "LIVING", "HEALTHY", false, null), officer());
        residents.moveOut(gone.id(), LocalDate.now().minusYears(2), officer());
        var living = residents.addResident(h.id(), new ResidentForm("常住人", id(), null, "SPOUSE", "LIVING", "HEALTHY", false, null),
                officer());
        // a passage a month old and one from today
        var gate = passages.createCheckpoint(VILLAGE, "保存门", "GATE", "", officer());
        var oldPassage = passages.record(gate.id(), new PassageForm("IN", "过路人", id(), null, "", "", "", "", new BigDecimal("38.0")),
                officer());
        jdbc.sql("update passage set at = now() - interval '40 days' where id = :id").param("id", oldPassage.id()).update();
        var newPassage = passages.record(gate.id(), new PassageForm("IN", "今日人", id(), null, "", "", "", "", new BigDecimal("36.4")),
                officer());
        // an observation order released two months ago with a reading
        var opened = orders.open(new ObservationOrders.OrderForm("解除人", id(), null, "OFFICER", "", LocalDate.now().minusDays(3),
                VILLAGE, null, "", "", ""), officer());
        long order = opened.order().id();
        jdbc.sql("insert into observation_reading (order_id, day, half, temperature, via, recorded_by) values (:o, current_date, 'MORNING', 36.5, 'STAFF', 't')")
                .param("o", order).update();
        jdbc.sql("update observation_order set status = 'RELEASED', closed_at = now() - interval '60 days' where id = :o")
                .param("o", order).update();
        // everything was made today: let the day's grace pass for the registry rows
        var ours = List.of(gone.personId(), living.personId());
        jdbc.sql("update person_record set recorded_at = now() - interval '2 days' where person_id in (:p)").param("p", ours).update();
        jdbc.sql("update person set updated_at = now() - interval '2 days' where id in (:p)").param("p", ours).update();

        run("org.fangkong.ledger.internal.LedgerRetention", now);
        run("org.fangkong.observation.ObservationRetention", now);
        run("org.fangkong.person.PersonRetention");

        assertThat(count("select count(*) from resident where id = :id", gone.id())).isZero();
        assertThat(count("select count(*) from resident where id = :id", living.id())).isEqualTo(1);
        assertThat(count("select count(*) from passage where id = :id", oldPassage.id())).isZero();
        assertThat(count("select count(*) from checkpoint_alert where passage_id = :id", oldPassage.id())).isZero();
        assertThat(count("select count(*) from passage where id = :id", newPassage.id())).isEqualTo(1);
        assertThat(count("select count(*) from observation_reading where order_id = :id", order)).isZero();
        // the moved-out resident's person and record are gone; the living one's stay
        assertThat(count("select count(*) from person where id = :id", gone.personId())).isZero();
        assertThat(count("select count(*) from person_record where id = :id", gone.recordId())).isZero();
        assertThat(count("select count(*) from person where id = :id", living.personId())).isEqualTo(1);
        assertThat(count("select count(*) from person_record where id = :id", living.recordId())).isEqualTo(1);
        // and nothing a row still holds was touched
        assertThat(jdbc.sql("select count(*) from resident r left join person_record p on p.id = r.record_id where p.id is null")
                .query(Long.class).single()).isZero();
    }

    @Test
    void closedOrdersGoAfterAYearUnlessACaseRefersToThem() throws Exception {
        var opened = orders.open(new ObservationOrders.OrderForm("旧观察", id(), null, "OFFICER", "", LocalDate.now().minusDays(3),
                VILLAGE, null, "", "", ""), officer());
        long order = opened.order().id();
        jdbc.sql("update observation_order set status = 'RELEASED', closed_at = now() - interval '400 days' where id = :o")
                .param("o", order).update();
        run("org.fangkong.observation.ObservationRetention", Instant.now().plus(1, ChronoUnit.SECONDS));
        assertThat(count("select count(*) from observation_order where id = :id", order)).isZero();
    }
}
