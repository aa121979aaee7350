package org.fangkong.checkin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A scan on the check-in topic (扫码消息), as the front door fixed it: the visit id the citizen was given, the
 * venue, the phone's keyed hash, sealed and masked forms (never the number itself), when it was scanned and
 * where its visit ends unless a later scan ends it. Binary, version byte first: an instance reading a version it
 * does not know retries it rather than guess (during a rolling upgrade, until a newer instance owns the partition).
 */
record ScanMessage(long id, long venueId, Instant at, Instant out, CheckoutReason reason, String masked, byte[] hash,
                   byte[] sealed) {

    static final byte VERSION = 1;

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(id);
            out.writeLong(venueId);
            out.writeLong(micros(at));
            out.writeLong(micros(this.out));
            out.writeUTF(reason.name());
            out.writeUTF(masked);
            out.writeShort(hash.length);
            out.write(hash);
            out.writeShort(sealed.length);
            out.write(sealed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ScanMessage decode(byte[] message) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("check-in message of version " + version + ", this instance reads " + VERSION);
            }
            long id = in.readLong();
            long venue = in.readLong();
            Instant at = instant(in.readLong());
            Instant out = instant(in.readLong());
            CheckoutReason reason = CheckoutReason.valueOf(in.readUTF());
            String masked = in.readUTF();
            byte[] hash = in.readNBytes(in.readShort());
            byte[] sealed = in.readNBytes(in.readShort());
            return new ScanMessage(id, venue, at, out, reason, masked, hash, sealed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PostgreSQL keeps microseconds: the answer and the stored row agree to the microsecond. */
    static Instant truncate(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
