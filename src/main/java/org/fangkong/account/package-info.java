/**
 * Staff accounts (用户): roles, one scope node each, login with lockout, API tokens, and the audit
 * log (审计日志) of logins, user changes and every reveal or export of personal data.
 */
@ApplicationModule(displayName = "Account", allowedDependencies = {"common", "jurisdiction"})
package org.fangkong.account;

import org.springframework.modulith.ApplicationModule;
