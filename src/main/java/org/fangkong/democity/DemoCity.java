package org.fangkong.democity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.fangkong.checkin.VisitLoader;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.fangkong.venue.PublicVenue;
import org.fangkong.venue.VenueType;
import org.fangkong.venue.Venues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Generates a synthetic city in the background, one at a time, with progress that a page or client
 * can poll: venues first, then people's phones, then the visits by COPY.
 */
@Service
public class DemoCity {

    /** Where a generation stands. */
    public record Progress(String phase, long done, long total, boolean running, String error, CitySpec spec,
                           Instant startedAt, Instant finishedAt) {
        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);
    static final int MAX_PEOPLE = 5_000_000;
    static final int MAX_VENUES = 500_000;

    private final Jurisdictions jurisdictions;
    private final Venues venues;
    private final VisitLoader loader;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "demo-city");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Progress> progress =
            new AtomicReference<>(new Progress("idle", 0, 0, false, null, null, null, null));

    DemoCity(Jurisdictions jurisdictions, Venues venues, VisitLoader loader, Clock clock) {
        this.jurisdictions = jurisdictions;
        this.venues = venues;
        this.loader = loader;
        this.clock = clock;
    }

    public Progress progress() {
        return progress.get();
    }

    /** Starts a generation; false when one is already running. Bad specs fail at once, naming the field. */
    public synchronized boolean start(CitySpec spec) {
        return start(spec, null);
    }

    /** Starts a city for an admin: only inside their own subtree ({@code scopePath}; null = the system at first start). */
    public synchronized boolean start(CitySpec spec, String scopePath) {
        validate(spec, scopePath);
        if (progress.get().running()) {
            return false;
        }
        progress.set(new Progress("venues", 0, spec.venues(), true, null, spec, clock.instant(), null));
        worker.submit(() -> run(spec));
        return true;
    }

    private void validate(CitySpec spec, String scopePath) {
        if (spec.people() < 1 || spec.people() > MAX_PEOPLE) {
            throw new FieldException("people", "validation.demo.people", MAX_PEOPLE);
        }
        if (spec.venues() < 1 || spec.venues() > MAX_VENUES) {
            throw new FieldException("venues", "validation.demo.venues", MAX_VENUES);
        }
        long kept = ChronoUnit.DAYS.between(loader.oldestKeptDay(), ShanghaiTime.today(clock));
        if (spec.days() < 1 || spec.days() > kept) {
            throw new FieldException("days", "validation.demo.days", kept);
        }
        if (spec.visitsPerPersonDay() <= 0 || spec.visitsPerPersonDay() > 10) {
            throw new FieldException("visitsPerPersonDay", "validation.demo.visits");
        }
        Jurisdiction j = (scopePath == null ? jurisdictions.findUnscoped(spec.jurisdiction())
                : jurisdictions.find(spec.jurisdiction(), scopePath))
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.scope.outside"));
        if (j.subtree().villages() == 0 && j.level() != Level.VILLAGE) {
            throw new FieldException("jurisdiction", "validation.demo.noVillages");
        }
    }

    private void run(CitySpec spec) {
        Instant started = clock.instant();
        try {
            Jurisdiction area = jurisdictions.findUnscoped(spec.jurisdiction()).orElseThrow();
            List<String> villages = area.level() == Level.VILLAGE ? List.of(area.code())
                    : jurisdictions.codesAt(Level.VILLAGE, area.path());
            SplittableRandom random = new SplittableRandom(spec.seed());
            List<Venues.DemoVenue> demo = new ArrayList<>(spec.venues());
            for (int i = 0; i < spec.venues(); i++) {
                VenueType type = CityGenerator.typeFor(random);
                demo.add(new Venues.DemoVenue(String.format("演示%s %05d", label(type), i + 1), type,
                        villages.get(random.nextInt(villages.size())), "演示数据"));
            }
            List<PublicVenue> created = new ArrayList<>(spec.venues());
            for (int from = 0; from < demo.size(); from += 5_000) {
                created.addAll(venues.createDemoVenues(demo.subList(from, Math.min(demo.size(), from + 5_000))));
                set("venues", created.size(), spec.venues(), spec, started);
            }
            VisitLoader.SealedPhone[] phones = new VisitLoader.SealedPhone[spec.people()];
            for (int p = 0; p < spec.people(); p++) {
                phones[p] = loader.seal(CityGenerator.phoneNumber(spec.seed(), p));
                if (p % 10_000 == 0) {
                    set("people", p, spec.people(), spec, started);
                }
            }
            LocalDate today = ShanghaiTime.today(clock);
            LocalDate first = today.minusDays(spec.days());
            loader.prepareDays(first, today.minusDays(1));
            long total = spec.expectedVisits();
            set("visits", 0, total, spec, started);
            long written = loader.copy(new CityGenerator(spec, created, phones, first),
                    n -> set("visits", n, Math.max(total, n), spec, started));
            progress.set(new Progress("done", written, written, false, null, spec, started, clock.instant()));
            log.info("Demo city ready: {} venues, {} people, {} visits over {} days", spec.venues(), spec.people(),
                    written, spec.days());
        } catch (Exception e) {
            log.error("Demo city generation failed", e);
            Progress p = progress.get();
            progress.set(new Progress("failed", p.done(), p.total(), false, e.getClass().getSimpleName(), spec, started,
                    clock.instant()));
        }
    }

    private void set(String phase, long done, long total, CitySpec spec, Instant started) {
        progress.set(new Progress(phase, done, total, true, null, spec, started, null));
    }

    static String label(VenueType type) {
        return switch (type) {
            case SUPERMARKET -> "超市";
            case PHARMACY -> "药店";
            case MARKET -> "农贸市场";
            case RESTAURANT -> "餐馆";
            case ENTERPRISE -> "企业";
            case TRANSPORT_HUB -> "车站";
            case HOSPITAL -> "医院";
            case SCHOOL -> "学校";
            case GOVERNMENT_OFFICE -> "机关";
            case RESIDENTIAL_GATE -> "小区门口";
            case OTHER -> "场所";
        };
    }
}
