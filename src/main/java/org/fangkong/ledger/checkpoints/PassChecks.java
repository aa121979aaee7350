package org.fangkong.ledger.checkpoints;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fangkong.common.KeySupplyPasses;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.ledger.internal.LedgerScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A gate checks a key-supply transport pass (重点物资运输通行证) by its number, typed or read from
 * its QR code: valid, not yet valid, expired, revoked or unknown, with the plate, goods and route to
 * compare with the vehicle. Every check is logged with the checkpoint's passages of the day.
 */
@Service
public class PassChecks {

    /** A check as the gate's log shows it. */
    public record PassCheck(String number, String plate, KeySupplyPasses.Status result, Instant at, String checkedBy) {
    }

    /** The answer at the gate: the result and, for a known number, the pass. */
    public record Result(String number, KeySupplyPasses.Status status, Optional<KeySupplyPasses.Pass> pass) {
    }

    private final JdbcClient jdbc;
    private final PassageLog log;
    private final KeySupplyPasses passes;
    private final Clock clock;

    PassChecks(JdbcClient jdbc, PassageLog log, KeySupplyPasses passes, Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.passes = passes;
        this.clock = clock;
    }

    @Transactional
    public Result check(long checkpointId, String number, Actor actor) {
        log.checkpoint(checkpointId, actor); // another area's gate is not found
        LedgerScope.requireWrite(actor);
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (n.isEmpty() || n.length() > 40) {
            throw new FieldException("number", "validation.pass.number");
        }
        Optional<KeySupplyPasses.Pass> pass = passes.find(n);
        KeySupplyPasses.Status status = pass.map(p -> p.on(ShanghaiTime.today(clock))).orElse(KeySupplyPasses.Status.UNKNOWN);
        jdbc.sql("""
                        insert into pass_check (checkpoint_id, pass_number, plate, result, checked_by)
                        values (:c, :n, :plate, :result, :by)
                        """)
                .param("c", checkpointId).param("n", n).param("plate", pass.map(KeySupplyPasses.Pass::plate).orElse(null))
                .param("result", status.name()).param("by", actor.username()).update();
        return new Result(n, status, pass);
    }

    /** The checkpoint's checks of today, newest first. */
    @Transactional(readOnly = true)
    public List<PassCheck> today(long checkpointId, Actor actor) {
        log.checkpoint(checkpointId, actor);
        return jdbc.sql("""
                        select pass_number, plate, result, at, checked_by from pass_check
                        where checkpoint_id = :c and at >= :since order by at desc, id desc
                        """)
                .param("c", checkpointId).param("since", Timestamp.from(ShanghaiTime.startOf(ShanghaiTime.today(clock))))
                .query((rs, i) -> new PassCheck(rs.getString(1), rs.getString(2), KeySupplyPasses.Status.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
    }
}
