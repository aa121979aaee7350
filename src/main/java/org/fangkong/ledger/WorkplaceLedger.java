package org.fangkong.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.fangkong.ledger.checkpoints.PassageLog;
import org.fangkong.ledger.outsiders.ArrivalForm;
import org.fangkong.ledger.outsiders.Arrivals;
import org.fangkong.person.PersonIdentity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a workplace (an enterprise's staff roster, 复工复产) puts into the village's ledgers: staff
 * coming back from outside are registered as arrivals are (in the outsider ledger, to confirm by the
 * grid worker; a key-area origin then opens home observation), and a fever at the daily staff check
 * is entered at the village's check point for that workplace, raising the township's alert as a
 * gate's fever does.
 */
@Service
public class WorkplaceLedger {

    private final Arrivals arrivals;
    private final PassageLog passages;

    WorkplaceLedger(Arrivals arrivals, PassageLog passages) {
        this.arrivals = arrivals;
        this.passages = passages;
    }

    /** Registers someone coming back to the village; whether the origin is a key area. */
    @Transactional
    public boolean registerReturning(String village, PersonIdentity who, String origin, String originCode, LocalDate arrivedOn,
                                     String address) {
        return arrivals.register(new ArrivalForm(village, who.name(), who.idNumber(), who.phone(), origin, originCode, arrivedOn,
                address)).fromKeyArea();
    }

    /** A fever found at the workplace's daily check, logged at its check point (named {@code pointName}) in the village. */
    @Transactional
    public void recordFever(String village, String pointName, PersonIdentity who, BigDecimal temperature, Instant at,
                            String recordedBy) {
        passages.recordElsewhere(village, pointName, who, temperature, at, recordedBy);
    }
}
