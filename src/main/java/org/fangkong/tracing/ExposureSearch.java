package org.fangkong.tracing;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.checkin.VisitOverlaps;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageResult;
import org.fangkong.tracing.ExposureResult.ContactRow;
import org.fangkong.tracing.ExposureResult.IndexVisitView;
import org.fangkong.venue.Venue;
import org.fangkong.venue.Venues;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exposure tracing for officers and commanders, within their scope. Every search is audited (it
 * looks a person up by phone); revealing full phone numbers needs a reason and is audited again.
 */
@Service
public class ExposureSearch {

    static final int MAX_WINDOW_DAYS = 28;

    private final VisitOverlaps overlaps;
    private final Venues venues;
    private final PiiSealer sealer;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ExposureSearch(VisitOverlaps overlaps, Venues venues, PiiSealer sealer, AuditTrail audit, Clock clock,
                   ApplicationEventPublisher events) {
        this.events = events;
        this.overlaps = overlaps;
        this.venues = venues;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    public static boolean mayTrace(Actor actor) {
        return actor.is(Role.OFFICER) || actor.is(Role.COMMANDER);
    }

    public ExposureResult search(ExposureQuery q, Actor actor) {
        return run(q, actor, false);
    }

    /** Every row, for the xlsx export; audited as an export of personal data. */
    public ExposureResult searchForExport(ExposureQuery q, Actor actor) {
        return run(q, actor, true);
    }

    /** A checked search window: the index phone, the time span, the buffer and the close-contact threshold. */
    private record Window(PhoneNumber phone, Instant from, Instant to, int buffer, int close) {
    }

    private Window window(ExposureQuery q) {
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(q.phone());
        } catch (InvalidValueException e) {
            throw new FieldException("phone", e.messageKey());
        }
        Instant to = q.to() != null ? q.to() : clock.instant();
        Instant from = q.from() != null ? q.from() : to.minus(Duration.ofDays(14));
        if (!from.isBefore(to)) {
            throw new FieldException("from", "validation.tracing.window");
        }
        if (Duration.between(from, to).toDays() > MAX_WINDOW_DAYS) {
            throw new FieldException("from", "validation.tracing.tooLong", MAX_WINDOW_DAYS);
        }
        int buffer = q.bufferMinutes() == null ? 0 : q.bufferMinutes();
        if (buffer < 0 || buffer > 240) {
            throw new FieldException("bufferMinutes", "validation.tracing.buffer");
        }
        int close = q.closeMinutes() == null ? 15 : q.closeMinutes();
        if (close < 1 || close > 480) {
            throw new FieldException("closeMinutes", "validation.tracing.close");
        }
        return new Window(phone, from, to, buffer, close);
    }

    /**
     * One click from a tracing result to home observation (docs/rules.md): every close contact of the
     * search, with the day of their last close exposure and the venue's place, goes out as
     * {@link ContactsIdentified}; the observation module opens the orders. Officers only; audited.
     * Answers how many people were handed over. The event is stored with this transaction and observation
     * opens the orders right after it commits (again after a crash: the event publication registry).
     */
    @Transactional
    public int putCloseContactsUnderObservation(ExposureQuery q, Actor actor) {
        if (!actor.is(Role.OFFICER)) {
            throw new AccessDeniedException("officers put contacts under observation");
        }
        Window w = window(q);
        VisitOverlaps.Result found = overlaps.find(sealer.hash(w.phone().value()), w.from(), w.to(),
                Duration.ofMinutes(w.buffer()), actor.scopePath(), true);
        Map<ByteBuffer, VisitOverlaps.Overlap> lastClose = new HashMap<>();
        for (VisitOverlaps.Overlap o : found.overlaps()) {
            if (o.overlapSeconds() >= w.close() * 60L) {
                lastClose.merge(ByteBuffer.wrap(o.phoneKey()), o,
                        (a, b) -> end(a).isAfter(end(b)) ? a : b);
            }
        }
        Map<Long, Venue> places = new HashMap<>();
        List<ContactsIdentified.Contact> contacts = new ArrayList<>();
        for (VisitOverlaps.Overlap o : lastClose.values()) {
            Venue venue = places.computeIfAbsent(o.index().venueId(), id -> venues.find(id, actor));
            contacts.add(new ContactsIdentified.Contact(o.phoneSealed(),
                    ShanghaiTime.dayOf(end(o)), venue.name(), venue.jurisdictionCode()));
        }
        audit.record(AuditActions.CONTACTS_TO_OBSERVATION, "phone:" + w.phone().masked() + " contacts:" + contacts.size(), null);
        events.publishEvent(new ContactsIdentified(w.phone().masked(), List.copyOf(contacts), actor.username()));
        return contacts.size();
    }

    /** When two overlapping visits stopped overlapping: the earlier of the two departures. */
    private static Instant end(VisitOverlaps.Overlap o) {
        return o.checkedOutAt().isBefore(o.index().checkedOutAt()) ? o.checkedOutAt() : o.index().checkedOutAt();
    }

    private ExposureResult run(ExposureQuery q, Actor actor, boolean export) {
        if (!mayTrace(actor)) {
            throw new AccessDeniedException("only officers and commanders trace exposures");
        }
        Window w = window(q);
        PhoneNumber phone = w.phone();
        Instant from = w.from();
        Instant to = w.to();
        int buffer = w.buffer();
        int close = w.close();
        boolean reveal = q.revealing();
        if ((reveal || export) && (q.reason() == null || q.reason().isBlank())) {
            throw new FieldException("reason", "validation.reason.required"); // exports hand out full phones too
        }

        VisitOverlaps.Result found = overlaps.find(sealer.hash(phone.value()), from, to, Duration.ofMinutes(buffer),
                actor.scopePath(), reveal);
        Map<Long, String> names = venues.names(found.indexVisits().stream().map(VisitOverlaps.IndexVisit::venueId)
                .distinct().toList());
        List<ContactRow> rows = new ArrayList<>(found.overlaps().size());
        Map<Long, int[]> perVisit = new HashMap<>();
        Map<ByteBuffer, ContactClass> people = new HashMap<>();
        for (VisitOverlaps.Overlap o : found.overlaps()) {
            ContactClass cls = o.overlapSeconds() >= close * 60L ? ContactClass.CLOSE : ContactClass.SAME_TIME;
            String shown = reveal ? sealer.open(o.phoneSealed()) : o.phoneMasked();
            rows.add(new ContactRow(o.index().venueId(), names.getOrDefault(o.index().venueId(), ""),
                    o.index().checkedInAt(), o.index().checkedOutAt(), shown, o.checkedInAt(), o.checkedOutAt(),
                    o.overlapSeconds() / 60, cls));
            int[] counts = perVisit.computeIfAbsent(o.index().id(), k -> new int[2]);
            counts[0]++;
            if (cls == ContactClass.CLOSE) {
                counts[1]++;
            }
            people.merge(ByteBuffer.wrap(o.phoneKey()), cls,
                    (a, b) -> a == ContactClass.CLOSE || b == ContactClass.CLOSE ? ContactClass.CLOSE : ContactClass.SAME_TIME);
        }
        List<IndexVisitView> visits = found.indexVisits().stream()
                .map(v -> new IndexVisitView(v.venueId(), names.getOrDefault(v.venueId(), ""), v.checkedInAt(),
                        v.checkedOutAt(), perVisit.getOrDefault(v.id(), new int[2])[0],
                        perVisit.getOrDefault(v.id(), new int[2])[1]))
                .toList();
        rows.sort(order(q.sort()));
        int size = export ? Math.max(1, rows.size()) : PageResult.size(q.size());
        int page = export ? 0 : PageResult.page(q.page());
        List<ContactRow> pageRows = rows.subList(Math.min(rows.size(), page * size), Math.min(rows.size(), (page + 1) * size));
        long closePeople = people.values().stream().filter(c -> c == ContactClass.CLOSE).count();
        var summary = new ExposureResult.Summary(visits.size(), rows.size(), people.size(), (int) closePeople,
                people.size() - (int) closePeople);

        String target = "phone:" + phone.masked();
        audit.record(AuditActions.EXPOSURE_SEARCH, target, q.reason());
        if (reveal) {
            audit.reveal(target + " contacts:" + people.size(), q.reason());
        }
        if (export) {
            audit.export(target, rows.size(), q.reason());
        }
        return new ExposureResult(reveal ? phone.value() : phone.masked(), from, to, buffer, close, reveal, visits,
                new PageResult<>(List.copyOf(pageRows), page, size, rows.size()), summary);
    }

    /** Whitelisted sorts; default: by time of the index visit, then of the contact. */
    static Comparator<ContactRow> order(String sort) {
        Comparator<ContactRow> byTime = Comparator.comparing(ContactRow::indexCheckedInAt)
                .thenComparing(ContactRow::checkedInAt).thenComparing(ContactRow::phone);
        return switch (sort == null ? "" : sort) {
            case "overlap,desc" -> Comparator.comparingLong(ContactRow::overlapMinutes).reversed().thenComparing(byTime);
            case "overlap" -> Comparator.comparingLong(ContactRow::overlapMinutes).thenComparing(byTime);
            case "venue" -> Comparator.comparing(ContactRow::venueName).thenComparing(byTime);
            case "class" -> Comparator.comparing(ContactRow::contactClass).thenComparing(byTime);
            case "time,desc" -> byTime.reversed();
            default -> byTime;
        };
    }
}
