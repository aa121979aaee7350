package org.fangkong.ledger.internal;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who may keep the ledgers, and where: a village, community or grid inside the caller's scope. */
@Component
public class LedgerScope {

    private final Jurisdictions jurisdictions;

    public LedgerScope(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    public static boolean mayRead(Actor actor) {
        return actor.is(Role.ADMIN) || actor.is(Role.OFFICER) || actor.is(Role.GRID_WORKER) || actor.is(Role.COMMANDER);
    }

    public static boolean mayWrite(Actor actor) {
        return actor.is(Role.ADMIN) || actor.is(Role.OFFICER) || actor.is(Role.GRID_WORKER);
    }

    public static void requireRead(Actor actor) {
        if (!mayRead(actor)) {
            throw new AccessDeniedException("ledgers are for grid workers, officers and commanders");
        }
    }

    public static void requireWrite(Actor actor) {
        if (!mayWrite(actor)) {
            throw new AccessDeniedException("ledgers are kept by grid workers and officers");
        }
    }

    /** The reason given for revealing personal data, required (the reveal is audited with it). */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new FieldException("reason", "validation.reason.required");
        }
        return reason.strip();
    }

    /**
     * The opening of a ledger export with full identities: a role that writes the ledger and a
     * reason (audited with it); answers the place asked for, or null for the whole scope.
     */
    public String exportPlace(String jurisdiction, String reason, Actor actor) {
        requireWrite(actor);
        AuditTrail.requireReason(reason);
        return jurisdiction == null || jurisdiction.isBlank() ? null : place(jurisdiction, actor, "jurisdiction").code();
    }

    /** A village, community or grid in the caller's subtree, or a field error naming {@code field}. */
    public Jurisdiction place(String code, Actor actor, String field) {
        Jurisdiction j = code == null ? null : jurisdictions.find(code.strip(), actor.scopePath()).orElse(null);
        if (j == null || (j.level() != Level.VILLAGE && j.level() != Level.GRID)) {
            throw new FieldException(field, "validation.ledger.jurisdiction");
        }
        return j;
    }
}
