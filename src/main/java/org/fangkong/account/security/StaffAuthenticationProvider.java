package org.fangkong.account.security;

import org.fangkong.account.LoginResult;
import org.fangkong.account.Logins;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The login form's check, delegating to {@link Logins} (lockout and audit included). */
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final Logins logins;

    StaffAuthenticationProvider(Logins logins) {
        this.logins = logins;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        LoginResult result = logins.authenticate(authentication.getName(),
                authentication.getCredentials() == null ? null : authentication.getCredentials().toString(), address);
        if (result instanceof LoginResult.Success s) {
            return BearerTokenFilter.authentication(s.actor());
        }
        if (result instanceof LoginResult.Throttled) {
            throw new LockedException("throttled"); // the address, not the account: the page says so
        }
        if (result instanceof LoginResult.Disabled) {
            throw new DisabledException("disabled");
        }
        throw new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
