package org.fangkong.common.pii;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.fangkong.common.FangkongProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PII keys come from {@code fangkong.pii.encryption-key} / {@code fangkong.pii.hash-key}
 * (base64, 32 bytes each). When absent they are read from, or on first start generated into,
 * {@code <data-dir>/keys/pii.properties} (owner-only permissions). Losing that file loses the data.
 */
@Configuration(proxyBeanMethods = false)
class PiiKeysConfig {

    private static final Logger log = LoggerFactory.getLogger(PiiKeysConfig.class);
    static final String ENCRYPTION = "encryption-key";
    static final String HASH = "hash-key";

    @Bean
    PiiSealer piiSealer(FangkongProperties properties) throws IOException {
        FangkongProperties.Pii pii = properties.pii();
        if (notBlank(pii.encryptionKey()) && notBlank(pii.hashKey())) {
            return new PiiSealer(decode(pii.encryptionKey()), decode(pii.hashKey()));
        }
        Properties keys = loadOrCreate(properties.dataDir().resolve("keys").resolve("pii.properties"));
        return new PiiSealer(decode(keys.getProperty(ENCRYPTION)), decode(keys.getProperty(HASH)));
    }

    static Properties loadOrCreate(Path file) throws IOException {
        Properties keys = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                keys.load(in);
            }
            return keys;
        }
        Files.createDirectories(file.getParent());
        SecureRandom random = new SecureRandom();
        keys.setProperty(ENCRYPTION, randomKey(random));
        keys.setProperty(HASH, randomKey(random));
        Path tmp = file.resolveSibling("pii.properties.tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            keys.store(out, "Fangkong PII keys. Back this file up with the database; without it sealed data is lost.");
        }
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(tmp, file);
        log.info("Generated new PII keys in {}", file);
        return keys;
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.strip());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
