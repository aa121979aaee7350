package org.fangkong.account.web;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.fangkong.account.NewStaffUser;
import org.fangkong.account.StaffUser;
import org.fangkong.account.Users;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts over HTTP: create, list, read, disable, enable, reset password. */
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

    record UserView(long id, String username, String displayName, Role role, String scope, String scopeName,
                    boolean enabled, Instant lockedUntil, Instant createdAt) {
        static UserView of(StaffUser u) {
            return new UserView(u.id(), u.username(), u.displayName(), u.role(), u.scopeCode(), u.scopeName(),
                    u.enabled(), u.lockedUntil(), u.createdAt());
        }
    }

    record NewPassword(@NotBlank(message = "{validation.password.required}") String password) {
    }

    private final Users users;

    UserApiController(Users users) {
        this.users = users;
    }

    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody NewStaffUser body) {
        StaffUser u = users.create(body, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/users/" + u.id())).body(UserView.of(u));
    }

    @GetMapping
    PageResult<UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                              @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        return users.list(Actors.require(), q, role, sort, PageResult.page(page), PageResult.size(size)).map(UserView::of);
    }

    @GetMapping("/{id}")
    UserView one(@PathVariable long id) {
        return UserView.of(users.find(id, Actors.require()));
    }

    @PostMapping("/{id}/disable")
    UserView disable(@PathVariable long id) {
        return UserView.of(users.setEnabled(id, false, Actors.require()));
    }

    /** A lost phone: every session and token of the account ends now. */
    @PostMapping("/{id}/sessions/end")
    UserView endSessions(@PathVariable long id) {
        return UserView.of(users.endSessions(id, Actors.require()));
    }

    @PostMapping("/{id}/enable")
    UserView enable(@PathVariable long id) {
        return UserView.of(users.setEnabled(id, true, Actors.require()));
    }

    @PostMapping("/{id}/password")
    UserView resetPassword(@PathVariable long id, @Valid @RequestBody NewPassword body) {
        return UserView.of(users.resetPassword(id, body.password(), Actors.require()));
    }
}
