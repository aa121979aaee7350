package org.fangkong.account;

import java.security.SecureRandom;

import org.fangkong.common.FangkongProperties;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start, creates {@code admin} scoped to the province, with FANGKONG_ADMIN_PASSWORD or a
 * generated password printed once to the console (standard output, not the log) and never again.
 * Runs once every bean (the imported tree included) is ready, before the web server opens.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final PasswordEncoder encoder;
    private final FangkongProperties properties;
    private final TransactionTemplate tx;

    AdminBootstrap(JdbcClient jdbc, Jurisdictions jurisdictions, PasswordEncoder encoder, FangkongProperties properties,
                   TransactionTemplate tx) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(status -> createAdminIfMissing());
    }

    private void createAdminIfMissing() {
        jdbc.sql("select pg_advisory_xact_lock(4242)").query().singleRow();
        boolean exists = jdbc.sql("select exists(select 1 from staff_user where lower(username) = 'admin')")
                .query(Boolean.class).single();
        if (exists) {
            return;
        }
        Jurisdiction root = jurisdictions.root();
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        if (password.length() < properties.security().minPasswordLength()) {
            throw new IllegalStateException("FANGKONG_ADMIN_PASSWORD is shorter than "
                    + properties.security().minPasswordLength() + " characters");
        }
        jdbc.sql("""
                        insert into staff_user (username, display_name, password_hash, role, scope_code, created_by)
                        values ('admin', '系统管理员', :hash, 'ADMIN', :scope, 'bootstrap')
                        """)
                .param("hash", encoder.encode(password)).param("scope", root.code()).update();
        log.info("Created the admin account (scope {} {})", root.code(), root.name());
        if (generated) {
            // deliberately stdout and not the logger: shown once, never stored in log files
            System.out.println();
            System.out.println("==================================================================");
            System.out.println("  Fangkong admin account created.  Username: admin");
            System.out.println("  Password (shown only this once): " + password);
            System.out.println("  Set FANGKONG_ADMIN_PASSWORD before the first start to choose it.");
            System.out.println("==================================================================");
            System.out.println();
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
