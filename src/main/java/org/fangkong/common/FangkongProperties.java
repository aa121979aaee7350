package org.fangkong.common;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code fangkong.*}; environment variables such as {@code FANGKONG_DB_URL} bind here.
 *
 * @param dataDir       where the embedded database and generated keys live
 * @param db            an external PostgreSQL; when {@code url} is blank the embedded one is used
 * @param adminPassword password of the first {@code admin}; generated and printed once when blank
 * @param pii           sealing keys, base64; generated into {@code dataDir/keys} when blank
 * @param security      login lockout and API token lifetime
 * @param publicUrl     the address citizens reach, printed in QR codes (e.g. https://fk.example.cn)
 */
@ConfigurationProperties("fangkong")
public record FangkongProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        String adminPassword,
        @DefaultValue Pii pii,
        @DefaultValue Security security,
        @DefaultValue("http://localhost:8080") String publicUrl) {

    /**
     * @param sharedBuffers PostgreSQL's page cache when the embedded database runs (its default of
     *                      128MB holds under a day of check-ins of a city)
     */
    public record Db(String url, String user, String password, @DefaultValue("512MB") String sharedBuffers) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Pii(String encryptionKey, String hashKey) {
    }

    public record Security(
            @DefaultValue("5") int maxFailedLogins,
            @DefaultValue("15m") Duration lockout,
            @DefaultValue("8h") Duration tokenLifetime,
            @DefaultValue("8") int minPasswordLength,
            @DefaultValue("20") int maxFailedLoginsPerAddress) {
    }
}
