package org.fangkong.checkin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;

/**
 * Bulk loading of visits with COPY, for the synthetic demo city and benchmarks. Phones arrive
 * already sealed (one person visits many times; sealing once per person is what makes millions of
 * rows cheap). Rows are marked {@code DEMO}.
 */
@Service
public class VisitLoader {

    /** A phone as stored: keyed hash, ciphertext and masked form. */
    public record SealedPhone(byte[] hash, byte[] ciphertext, String masked) {
    }

    /** One generated visit; its end already follows the check-out rules. */
    public record Row(long venueId, SealedPhone phone, Instant checkedInAt, Instant checkedOutAt, CheckoutReason reason) {
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
    private final DataSource dataSource;
    private final PiiSealer sealer;
    private final CheckinPartitions partitions;

    VisitLoader(DataSource dataSource, PiiSealer sealer, CheckinPartitions partitions) {
        this.dataSource = dataSource;
        this.sealer = sealer;
        this.partitions = partitions;
    }

    public SealedPhone seal(PhoneNumber phone) {
        return new SealedPhone(sealer.hash(phone.value()), sealer.encrypt(phone.value()), phone.masked());
    }

    /** Makes sure the day partitions exist before loading into them. */
    public void prepareDays(LocalDate first, LocalDate last) {
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            partitions.ensure(d);
        }
    }

    /** The first day still kept by the retention: older visits would be dropped at once. */
    public LocalDate oldestKeptDay() {
        return partitions.oldestKept();
    }

    /** COPYs the rows in one transaction of its own; reports progress every 10,000 rows. */
    public long copy(Iterator<Row> rows, LongConsumer progress) throws SQLException, IOException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy checkin (day, venue_id, phone_hash, phone_sealed, phone_masked, checked_in_at, checked_out_at,
                                  checkout_reason, source) from stdin""");
            HexFormat hex = HexFormat.of();
            StringBuilder b = new StringBuilder(1 << 20);
            long n = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                b.append(ShanghaiTime.dayOf(r.checkedInAt())).append('\t').append(r.venueId()).append('\t')
                        .append("\\\\x").append(hex.formatHex(r.phone().hash())).append('\t')
                        .append("\\\\x").append(hex.formatHex(r.phone().ciphertext())).append('\t')
                        .append(r.phone().masked()).append('\t')
                        .append(ISO.format(r.checkedInAt())).append('\t').append(ISO.format(r.checkedOutAt())).append('\t')
                        .append(r.reason().name()).append("\tDEMO\n");
                n++;
                if (b.length() > (1 << 20) - 1024) {
                    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    b.setLength(0);
                }
                if (n % 10_000 == 0) {
                    progress.accept(n);
                }
            }
            byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            long written = copy.endCopy();
            c.commit();
            progress.accept(n);
            return written;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}
