package org.fangkong.checkin;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import org.fangkong.common.pii.PiiSealer;
import org.springframework.stereotype.Component;

/**
 * Public visit ids: {@code 20200224-1234-<signature>}. The day finds the partition, the sequence the
 * row, and the keyed signature makes ids unguessable without storing anything more.
 */
@Component
class VisitIds {

    record Key(LocalDate day, long id) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private final PiiSealer sealer;

    VisitIds(PiiSealer sealer) {
        this.sealer = sealer;
    }

    String encode(LocalDate day, long id) {
        return DAY.format(day) + "-" + id + "-" + signature(day, id);
    }

    Optional<Key> decode(String publicId) {
        if (publicId == null || publicId.length() > 60) {
            return Optional.empty();
        }
        String[] parts = publicId.split("-", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(parts[0], DAY);
            long id = Long.parseLong(parts[1]);
            boolean valid = MessageDigest.isEqual(signature(day, id).getBytes(), parts[2].getBytes());
            return valid ? Optional.of(new Key(day, id)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String signature(LocalDate day, long id) {
        byte[] mac = sealer.hash("visit|" + day + "|" + id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 9));
    }
}
