package org.fangkong.common;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Properties;
import java.util.Random;

import org.fangkong.common.pii.PiiKeysAccess;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.pii.Sealed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiiSealerTest {

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return k;
    }

    private final PiiSealer sealer = new PiiSealer(key(1), key(2));

    @Test
    void sealsAndOpens() {
        Sealed s = sealer.seal("11010519491231002X");
        assertThat(new String(s.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("11010519491231002X");
        assertThat(sealer.open(s.ciphertext())).isEqualTo("11010519491231002X");
        assertThat(sealer.open(sealer.encrypt("张三"))).isEqualTo("张三");
    }

    @Test
    void sameValueGivesSameHashButDifferentCiphertext() {
        Sealed a = sealer.seal("13812345678");
        Sealed b = sealer.seal("13812345678");
        assertThat(a.hash()).isEqualTo(b.hash()).hasSize(32);
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(sealer.hash("13812345679")).isNotEqualTo(a.hash());
    }

    @Test
    void hashDependsOnTheKey() {
        PiiSealer other = new PiiSealer(key(1), key(3));
        assertThat(other.hash("13812345678")).isNotEqualTo(sealer.hash("13812345678"));
    }

    @Test
    void tamperedOrForeignCiphertextIsRefused() {
        byte[] c = sealer.encrypt("13812345678");
        c[c.length - 1] ^= 1;
        assertThatThrownBy(() -> sealer.open(c)).isInstanceOf(IllegalArgumentException.class);
        byte[] foreign = new PiiSealer(key(9), key(2)).encrypt("13812345678");
        assertThatThrownBy(() -> sealer.open(foreign)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open(new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsShortKeys() {
        assertThatThrownBy(() -> new PiiSealer(new byte[16], key(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatesKeysIntoTheDataDirectoryOnceAndKeepsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/pii.properties");
        Properties first = PiiKeysAccess.loadOrCreate(file);
        Properties second = PiiKeysAccess.loadOrCreate(file);
        assertThat(first).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(first.getProperty("encryption-key"))).hasSize(32);
        assertThat(first.getProperty("encryption-key")).isNotEqualTo(first.getProperty("hash-key"));
        // keys are random: another directory gets other keys
        assertThat(PiiKeysAccess.loadOrCreate(dir.resolve("other/pii.properties")))
                .isNotEqualTo(first);
    }
}
