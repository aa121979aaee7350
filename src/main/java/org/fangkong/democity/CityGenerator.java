package org.fangkong.democity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.fangkong.checkin.CheckoutReason;
import org.fangkong.checkin.VisitLoader;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.venue.PublicVenue;
import org.fangkong.venue.VenueType;

/**
 * The synthetic city's visits, produced lazily in order of day and person. Venue popularity
 * follows a power law (Zipf–Mandelbrot, weight 1 / (rank + 10): a few busy stations and
 * supermarkets, a long tail of small shops, but no single venue with a tenth of the city's
 * visits, as plain Zipf would give), check-in times follow a day-and-night rhythm, and every visit
 * ends by the real rules: the visitor's own check-out (one in four do), else the venue's stay, the
 * next check-in, or midnight. Deterministic for a seed (phone ciphertexts aside: their nonces are
 * random by design).
 */
final class CityGenerator implements Iterator<VisitLoader.Row> {

    /** Relative check-ins per hour of the day, 0..23: quiet nights, morning, noon and evening peaks. */
    static final double[] RHYTHM = {0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 1.0, 2.5, 3.5, 3.0, 2.6, 3.0,
            3.4, 2.6, 2.2, 2.4, 2.8, 3.6, 3.8, 3.2, 2.4, 1.6, 0.9, 0.4};

    private final CitySpec spec;
    private final List<PublicVenue> venues;
    private final double[] venueCdf;
    private final double[] hourCdf;
    private final VisitLoader.SealedPhone[] phones;
    private final LocalDate firstDay;
    private final List<VisitLoader.Row> buffer = new ArrayList<>();
    private int day;
    private int person;
    private int next;

    CityGenerator(CitySpec spec, List<PublicVenue> venues, VisitLoader.SealedPhone[] phones, LocalDate firstDay) {
        this.spec = spec;
        this.venues = venues;
        this.phones = phones;
        this.firstDay = firstDay;
        this.venueCdf = cdf(zipf(venues.size()));
        this.hourCdf = cdf(RHYTHM);
    }

    static String phoneOf(long seed, int person) {
        // 199 + 8 digits: a distinct, valid mainland number per person, shifted by the seed
        // 1749: a satellite and emergency segment carriers do not give ordinary subscribers, so a
        // demo phone never reaches a real person's check-ins or registry record
        return String.format("1749%07d", Math.floorMod(seed * 7_919L + person, 10_000_000L));
    }

    static PhoneNumber phoneNumber(long seed, int person) {
        return new PhoneNumber(phoneOf(seed, person));
    }

    static double[] zipf(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / (i + 1 + 10);
        }
        return w;
    }

    static double[] cdf(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    static int pick(double[] cdf, double u) {
        int i = Arrays.binarySearch(cdf, u);
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    /** Venue types in a plausible mix for a city. */
    static VenueType typeFor(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.25) {
            return VenueType.SUPERMARKET;
        } else if (u < 0.40) {
            return VenueType.RESTAURANT;
        } else if (u < 0.50) {
            return VenueType.PHARMACY;
        } else if (u < 0.60) {
            return VenueType.MARKET;
        } else if (u < 0.72) {
            return VenueType.ENTERPRISE;
        } else if (u < 0.80) {
            return VenueType.RESIDENTIAL_GATE;
        } else if (u < 0.85) {
            return VenueType.TRANSPORT_HUB;
        } else if (u < 0.89) {
            return VenueType.HOSPITAL;
        } else if (u < 0.93) {
            return VenueType.SCHOOL;
        } else if (u < 0.96) {
            return VenueType.GOVERNMENT_OFFICE;
        }
        return VenueType.OTHER;
    }

    @Override
    public boolean hasNext() {
        while (next >= buffer.size()) {
            if (day >= spec.days()) {
                return false;
            }
            fill();
        }
        return true;
    }

    @Override
    public VisitLoader.Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.get(next++);
    }

    /** One person's day: a handful of visits in time order, each ended by the rules. */
    private void fill() {
        buffer.clear();
        next = 0;
        LocalDate date = firstDay.plusDays(day);
        // a random stream per (seed, day, person): the same city whatever the batch boundaries
        SplittableRandom random = new SplittableRandom(spec.seed() * 1_000_003L + day * 100_000_007L + person);
        int visits = poisson(random, spec.visitsPerPersonDay());
        if (visits > 0) {
            long[] minutes = new long[visits];
            for (int i = 0; i < visits; i++) {
                minutes[i] = pick(hourCdf, random.nextDouble()) * 60L + random.nextInt(60);
            }
            Arrays.sort(minutes);
            Instant midnight = ShanghaiTime.startOf(date.plusDays(1));
            Instant start = ShanghaiTime.startOf(date);
            for (int i = 0; i < visits; i++) {
                PublicVenue venue = venues.get(pick(venueCdf, random.nextDouble()));
                Instant in = start.plus(Duration.ofMinutes(minutes[i])).plusSeconds(random.nextInt(60));
                Instant end = in.plus(Duration.ofMinutes(venue.defaultStayMinutes()));
                CheckoutReason reason = CheckoutReason.STAY;
                if (random.nextInt(4) == 0) {
                    end = in.plus(Duration.ofMinutes(1 + random.nextInt(venue.defaultStayMinutes())));
                    reason = CheckoutReason.MANUAL;
                }
                if (i + 1 < visits) {
                    Instant nextIn = start.plus(Duration.ofMinutes(minutes[i + 1]));
                    if (nextIn.isBefore(end)) {
                        end = nextIn.isAfter(in) ? nextIn : in;
                        reason = CheckoutReason.NEXT;
                    }
                }
                if (end.isAfter(midnight)) {
                    end = midnight;
                    reason = CheckoutReason.MIDNIGHT;
                }
                buffer.add(new VisitLoader.Row(venue.id(), phones[person], in, end, reason));
            }
        }
        person++;
        if (person >= spec.people()) {
            person = 0;
            day++;
        }
    }

    private static int poisson(SplittableRandom random, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l && k < 30);
        return k - 1;
    }
}
