package org.fangkong.account.web;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.fangkong.account.LoginResult;
import org.fangkong.account.Logins;
import org.fangkong.account.ApiTokens;
import org.fangkong.common.security.Actors;
import org.fangkong.common.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** {@code POST /api/v1/tokens {username, password}} → {@code {token, expiresAt}}. */
@RestController
class TokenApiController {

    record Credentials(@NotBlank(message = "{validation.username.required}") String username,
                       @NotBlank(message = "{validation.password.required}") String password) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    private final Logins logins;
    private final ApiTokens tokens;
    private final MessageSource messages;

    TokenApiController(Logins logins, ApiTokens tokens, MessageSource messages) {
        this.logins = logins;
        this.tokens = tokens;
        this.messages = messages;
    }

    @PostMapping("/api/v1/tokens")
    ResponseEntity<?> issue(@Valid @RequestBody Credentials body, HttpServletRequest request) {
        LoginResult result = logins.authenticate(body.username(), body.password(), request.getRemoteAddr());
        Locale locale = RequestContextUtils.getLocale(request);
        if (result instanceof LoginResult.Success s) {
            ApiTokens.IssuedToken t = tokens.issue(s.actor(), request.getRemoteAddr());
            return ResponseEntity.created(URI.create("/api/v1/tokens")).body(new TokenResponse(t.token(), t.expiresAt()));
        }
        if (result instanceof LoginResult.Throttled t) {
            ProblemDetail p = Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.THROTTLED, msg("error.throttled.title", locale),
                    msg("login.error.throttled", locale));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(t.retryAfter().toSeconds()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        // a locked account answers exactly as an unknown one or a wrong password: nothing to enumerate
        String detail = result instanceof LoginResult.Disabled ? "login.error.disabled" : "login.error.bad";
        return Problems.response(Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                msg("error.unauthorized.title", locale), msg(detail, locale)));
    }

    /** Signs the caller's token out: it stops working at once. */
    @DeleteMapping("/api/v1/tokens/current")
    ResponseEntity<Void> revoke(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        tokens.revoke(token, Actors.require(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
