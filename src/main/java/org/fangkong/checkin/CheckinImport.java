package org.fangkong.checkin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.fangkong.common.InvalidValueException;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.RowsRejected.RowError;
import org.fangkong.common.web.RowsRejected;
import org.fangkong.venue.PublicVenue;
import org.fangkong.venue.Venues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Historical visits kept elsewhere (paper registers, another system), imported by officers as CSV
 * {@code venueCode,phone,checkedInAt,checkedOutAt}. Every row is checked first; one bad row rejects
 * the whole file and nothing is written.
 */
@Service
public class CheckinImport {

    private record Row(PublicVenue venue, PhoneNumber phone, Instant in, Instant out, CheckoutReason reason) {
    }

    static final int MAX_ROWS = 100_000;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private final JdbcTemplate batchTemplate;
    private final TransactionTemplate tx;
    private final Venues venues;
    private final PiiSealer sealer;
    private final CheckinPartitions partitions;
    private final AuditTrail audit;
    private final Clock clock;

    CheckinImport(JdbcTemplate batchTemplate, TransactionTemplate tx, Venues venues, PiiSealer sealer,
                  CheckinPartitions partitions, AuditTrail audit, Clock clock) {
        this.batchTemplate = batchTemplate;
        this.tx = tx;
        this.venues = venues;
        this.sealer = sealer;
        this.partitions = partitions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Imports the file; returns the number of visits written, or throws {@link RowsRejected}. */
    public int importCsv(String csv, Actor actor) {
        if (!(actor.is(Role.OFFICER) || actor.is(Role.ADMIN))) {
            throw new AccessDeniedException("only officers import visits");
        }
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = parse(csv, actor, errors);
        if (!errors.isEmpty()) {
            throw new RowsRejected(errors);
        }
        tx.executeWithoutResult(status -> {
            rows.stream().map(r -> ShanghaiTime.dayOf(r.in())).distinct().forEach(partitions::ensure);
            List<Object[]> batch = new ArrayList<>(rows.size());
            for (Row r : rows) {
                var sealed = sealer.seal(r.phone().value());
                batch.add(new Object[] {Date.valueOf(ShanghaiTime.dayOf(r.in())), r.venue().id(), sealed.hash(),
                        sealed.ciphertext(), r.phone().masked(), Timestamp.from(r.in()), Timestamp.from(r.out()),
                        r.reason().name()});
            }
            batchTemplate.batchUpdate("""
                    insert into checkin (day, venue_id, phone_hash, phone_sealed, phone_masked, checked_in_at,
                                         checked_out_at, checkout_reason, source)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 'IMPORT')
                    """, batch);
            audit.record(AuditActions.CHECKINS_IMPORTED, "checkins:" + rows.size(), null);
        });
        return rows.size();
    }

    private List<Row> parse(String csv, Actor actor, List<RowError> errors) {
        List<Row> rows = new ArrayList<>();
        Map<String, Optional<PublicVenue>> venueCache = new HashMap<>();
        Instant now = clock.instant();
        LocalDate oldest = partitions.oldestKept();
        try (BufferedReader in = new BufferedReader(new StringReader(csv == null ? "" : csv.replace("\uFEFF", "")))) {
            String header = in.readLine();
            if (header == null || !header.strip().replace(" ", "").toLowerCase().startsWith("venuecode,phone,checkedinat")) {
                errors.add(new RowError(1, "header", "import.error.header"));
                return rows;
            }
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                if (rows.size() + errors.size() >= MAX_ROWS) {
                    errors.add(new RowError(n, "file", "import.error.tooManyRows"));
                    break;
                }
                String[] f = line.split(",", -1);
                if (f.length < 3 || f.length > 4) {
                    errors.add(new RowError(n, "row", "import.error.columns"));
                    continue;
                }
                try {
                    rows.add(row(f, code -> venueCache.computeIfAbsent(code, c -> venues.byCode(c, actor)), now, oldest));
                } catch (FieldException e) {
                    errors.add(new RowError(n, e.field(), e.messageKey()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, "file", "import.error.empty"));
        }
        return rows;
    }

    /** One line's check-in; its first fault names the column. Without a check-out, the stay or midnight ends it. */
    private static Row row(String[] f, Function<String, Optional<PublicVenue>> venueOf, Instant now, LocalDate oldest) {
        PublicVenue venue = venueOf.apply(f[0].strip()).orElseThrow(() -> new FieldException("venueCode", "import.error.venue"));
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(f[1]);
        } catch (InvalidValueException e) {
            throw new FieldException("phone", e.messageKey());
        }
        Instant checkedIn = time(f[2]);
        if (checkedIn == null) {
            throw new FieldException("checkedInAt", "import.error.time");
        }
        if (checkedIn.isAfter(now)) {
            throw new FieldException("checkedInAt", "import.error.future");
        }
        if (ShanghaiTime.dayOf(checkedIn).isBefore(oldest)) {
            throw new FieldException("checkedInAt", "import.error.tooOld");
        }
        Instant midnight = ShanghaiTime.startOf(ShanghaiTime.dayOf(checkedIn).plusDays(1));
        if (f.length == 4 && !f[3].isBlank()) {
            Instant checkedOut = time(f[3]);
            if (checkedOut == null) {
                throw new FieldException("checkedOutAt", "import.error.time");
            }
            if (checkedOut.isBefore(checkedIn) || checkedOut.isAfter(midnight)) {
                throw new FieldException("checkedOutAt", "import.error.outOfOrder");
            }
            return new Row(venue, phone, checkedIn, checkedOut, CheckoutReason.RECORDED);
        }
        Instant stayEnd = checkedIn.plus(Duration.ofMinutes(venue.defaultStayMinutes()));
        boolean stay = stayEnd.isBefore(midnight);
        return new Row(venue, phone, checkedIn, stay ? stayEnd : midnight, stay ? CheckoutReason.STAY : CheckoutReason.MIDNIGHT);
    }

    /** ISO instants and offsets, or {@code 2020-02-24 12:00[:ss]} read as Asia/Shanghai time. */
    static Instant time(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t, LOCAL).atZone(ShanghaiTime.ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
