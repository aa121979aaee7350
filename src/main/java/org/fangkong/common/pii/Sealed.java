package org.fangkong.common.pii;

/**
 * A sealed personal value as stored: AES-GCM ciphertext (key version, nonce and tag included) and the
 * HMAC-SHA256 keyed hash used for equality lookups.
 */
public record Sealed(byte[] ciphertext, byte[] hash) {
}
