package org.fangkong.supplies;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stock never goes negative under concurrent dispatches (issue 16, item 3): 40 threads each send 3
 * of the last 100 masks at once: exactly 33 dispatches leave, one mask stays, every movement's
 * balance is right; 10 threads signing for one dispatch enter its stock once.
 */
@FangkongTest
class StockConcurrencyTest {

    static final Actor OFFICER = new Actor(0, "stock-test", "测试", Role.OFFICER, "370104", "37.3701.370104");

    @Autowired
    StockHolders holders;
    @Autowired
    StockLedger ledger;
    @Autowired
    Dispatches dispatches;
    @Autowired
    JdbcClient jdbc;

    <T> List<Future<T>> atOnce(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        pool.shutdown();
        return results;
    }

    @Test
    void concurrentDispatchesNeverTakeMoreThanTheStock() throws Exception {
        int masks = jdbc.sql("select id from supply_item where code = 'SURGICAL_MASK'").query(Integer.class).single();
        StockHolder from = holders.register(new StockHolders.HolderForm("370104", "槐荫区应急物资储备库", "WAREHOUSE", ""), OFFICER);
        StockHolder to = holders.register(new StockHolders.HolderForm("370104", "槐荫区人民医院", "HOSPITAL", ""), OFFICER);
        ledger.record(from.id(), new StockLedger.MovementForm(masks, "RECEIPT", 100L, ""), OFFICER);

        List<Future<Long>> sends = atOnce(40, () -> {
            try {
                return dispatches.send(new Dispatches.DispatchForm(from.id(), to.id(), "", "", "", "",
                        List.of(new Dispatches.LineForm(masks, 3L, null))), OFFICER).id();
            } catch (FieldException e) {
                assertThat(e.field()).isEqualTo("lines[0].quantity");
                return -1L;
            }
        });
        List<Long> sent = new ArrayList<>();
        for (Future<Long> f : sends) {
            long id = f.get();
            if (id > 0) {
                sent.add(id);
            }
        }
        assertThat(sent).hasSize(33);
        assertThat(jdbc.sql("select on_hand from stock_balance where holder_id = :h and item_id = :i").param("h", from.id())
                .param("i", masks).query(Long.class).single()).isEqualTo(1);
        // the card's balances follow one another: each is the one before plus the movement
        List<long[]> card = jdbc.sql("select quantity, balance_after from stock_movement where holder_id = :h order by id")
                .param("h", from.id()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        long running = 0;
        for (long[] m : card) {
            running += m[0];
            assertThat(m[1]).isEqualTo(running).isNotNegative();
        }
        assertThat(running).isEqualTo(1);

        // ten people sign for the same dispatch at once: its stock enters once
        long one = sent.get(0);
        List<Future<Boolean>> signs = atOnce(10, () -> {
            try {
                dispatches.receive(one, null, OFFICER);
                return true;
            } catch (FieldException e) {
                return false;
            }
        });
        long signed = 0;
        for (Future<Boolean> f : signs) {
            signed += f.get() ? 1 : 0;
        }
        assertThat(signed).isEqualTo(1);
        assertThat(jdbc.sql("select on_hand from stock_balance where holder_id = :h and item_id = :i").param("h", to.id())
                .param("i", masks).query(Long.class).single()).isEqualTo(3);
    }
}
