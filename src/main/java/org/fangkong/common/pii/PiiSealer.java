package org.fangkong.common.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal data at rest (docs/design.md §4): AES-256-GCM for the value and HMAC-SHA256 for a keyed
 * hash, so rows can be found by ID number or phone without storing either in clear.
 * Ciphertext layout: version byte (1), 12-byte nonce, GCM output (ciphertext + 16-byte tag).
 */
public class PiiSealer {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();
    // JCE lookups cost more than the work on a short value: one Cipher and one Mac per thread
    private final ThreadLocal<Cipher> ciphers;
    private final ThreadLocal<Mac> macs;

    public PiiSealer(byte[] encryptionKey, byte[] hashKey) {
        if (encryptionKey.length != 32 || hashKey.length < 32) {
            throw new IllegalArgumentException("PII keys must be 32 bytes (256 bits)");
        }
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
        this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
        SecretKeySpec macKey = this.hashKey;
        this.ciphers = ThreadLocal.withInitial(() -> {
            try {
                return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(macKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public Sealed seal(String plaintext) {
        return new Sealed(encrypt(plaintext), hash(plaintext));
    }

    public byte[] encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] {VERSION});
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PII encryption failed", e);
        }
    }

    /** Opens a ciphertext made by {@link #encrypt}; a tampered or foreign ciphertext fails. */
    public String open(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < 1 + NONCE_BYTES + TAG_BITS / 8 || ciphertext[0] != VERSION) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE_BYTES));
            cipher.updateAAD(new byte[] {VERSION});
            byte[] plain = cipher.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("sealed value cannot be opened (wrong key or tampered)", e);
        }
    }

    /** Keyed hash for equality lookups; callers pass the canonical form (e.g. PhoneNumber.value()). */
    public byte[] hash(String plaintext) {
        return macs.get().doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
    }
}
