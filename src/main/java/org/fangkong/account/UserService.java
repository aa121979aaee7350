package org.fangkong.account;

import java.util.Set;

import org.fangkong.common.FangkongProperties;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageResult;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.JurisdictionService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff account management. Admins manage everyone in their subtree; officers manage the field
 * roles in their subtree and officers strictly below their own node. A user outside the caller's
 * subtree is not found (404) before any role check (403), so scopes never leak.
 */
@Service
public class UserService {

    private static final Set<Role> OFFICER_MAY_CREATE =
            Set.of(Role.OFFICER, Role.GRID_WORKER, Role.VENUE_STAFF, Role.ENTERPRISE, Role.PICKUP_POINT);

    private final UserRepository users;
    private final JurisdictionService jurisdictions;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final FangkongProperties.Security settings;
    private final TokenService tokens;

    UserService(UserRepository users, JurisdictionService jurisdictions, PasswordEncoder encoder, AuditTrail audit,
                FangkongProperties properties, TokenService tokens) {
        this.tokens = tokens;
        this.users = users;
        this.jurisdictions = jurisdictions;
        this.encoder = encoder;
        this.audit = audit;
        this.settings = properties.security();
    }

    @Transactional(readOnly = true)
    public StaffUser find(long id, Actor actor) {
        return users.find(id, actor.scopePath()).orElseThrow(() -> new NotFoundException("user"));
    }

    @Transactional(readOnly = true)
    public PageResult<StaffUser> list(Actor actor, String q, Role role, String sort, int page, int size) {
        requireManager(actor);
        return users.list(actor.scopePath(), q, role, sort, page, size);
    }

    @Transactional
    public StaffUser create(NewStaffUser u, Actor actor) {
        requireManager(actor);
        Jurisdiction scope = jurisdictions.find(u.scope(), actor.scopePath())
                .orElseThrow(() -> new FieldException("scope", "validation.scope.outside"));
        requireMayManage(actor, u.role(), scope);
        checkPassword(u.password());
        if (users.usernameTaken(u.username())) {
            throw new ConflictException("username", "validation.username.taken");
        }
        long id = users.insert(u, encoder.encode(u.password()), actor.username());
        audit.record(AuditActions.USER_CREATED, "user:" + u.username(), u.role() + "@" + u.scope());
        return find(id, actor);
    }

    @Transactional
    public StaffUser setEnabled(long id, boolean enabled, Actor actor) {
        StaffUser target = manageable(id, actor);
        if (target.id() == actor.userId()) {
            throw new FieldException("id", "validation.user.self");
        }
        users.setEnabled(id, enabled);
        if (!enabled) {
            tokens.revokeAll(id); // and open sessions end at their next request (credentials_changed_at)
        }
        audit.record(enabled ? AuditActions.USER_ENABLED : AuditActions.USER_DISABLED, "user:" + target.username(), null);
        return find(id, actor);
    }

    @Transactional
    public StaffUser resetPassword(long id, String password, Actor actor) {
        StaffUser target = manageable(id, actor);
        checkPassword(password);
        users.setPassword(id, encoder.encode(password));
        tokens.revokeAll(id); // a reset ends every token and session of the account
        audit.record(AuditActions.USER_PASSWORD_RESET, "user:" + target.username(), null);
        return find(id, actor);
    }

    /** Whether the actor may manage accounts at all (for showing the menu). */
    public static boolean isManager(Actor actor) {
        return actor.role().managesUsers();
    }

    /** Whether the actor may change this particular account (for showing its buttons). */
    public boolean mayManage(Actor actor, StaffUser target) {
        if (!isManager(actor) || target.id() == actor.userId()) {
            return false;
        }
        return jurisdictions.find(target.scopeCode(), actor.scopePath())
                .map(scope -> allowed(actor, target.role(), scope)).orElse(false);
    }

    private StaffUser manageable(long id, Actor actor) {
        StaffUser target = find(id, actor);
        requireManager(actor);
        Jurisdiction scope = jurisdictions.require(target.scopeCode(), actor.scopePath());
        requireMayManage(actor, target.role(), scope);
        return target;
    }

    private static void requireManager(Actor actor) {
        if (!isManager(actor)) {
            throw new AccessDeniedException("not a user manager");
        }
    }

    private static void requireMayManage(Actor actor, Role role, Jurisdiction scope) {
        if (!allowed(actor, role, scope)) {
            throw new AccessDeniedException("may not manage this account");
        }
    }

    private static boolean allowed(Actor actor, Role role, Jurisdiction scope) {
        if (actor.is(Role.ADMIN)) {
            return true;
        }
        if (!actor.is(Role.OFFICER) || !OFFICER_MAY_CREATE.contains(role)) {
            return false;
        }
        // officers manage officers only below their own node, never beside it
        return role != Role.OFFICER || !scope.code().equals(actor.scopeCode());
    }

    void checkPassword(String password) {
        if (password == null || password.length() < settings.minPasswordLength()) {
            throw new FieldException("password", "validation.password.tooShort", settings.minPasswordLength());
        }
        if (password.length() > 128) {
            throw new FieldException("password", "validation.password.tooLong", 128);
        }
    }
}
