package org.fangkong.dashboard.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.fangkong.dashboard.CommandView;

/**
 * What the county map colours (图层): the risk level by default, or one of three figures in bins a
 * commander can read at a glance. Each county gets a bin; the page's legend draws the bins' colours
 * from the stylesheet ({@code .map-legend .bin-N}) and the map script takes them from there, so the
 * colours live in one place and follow the wall screen's dark theme.
 */
enum MapLayer {
    /** 风险等级: no level yet, low, medium, high. */
    RISK(4),
    /** 累计确诊: 0, 1–9, 10–49, 50–99, ≥ 100 (the bins of the 2020 national maps). */
    CASES(5),
    /** 居家观察: 0, 1–9, 10–49, 50–199, ≥ 200. */
    OBSERVATION(5),
    /** 报告完整率: no reporting villages, below 80 %, 80–95 %, 95–100 %, all reported. */
    REPORTS(5);

    final int bins;

    MapLayer(int bins) {
        this.bins = bins;
    }

    /** The layer named in the URL ({@code ?layer=cases}); the risk level for anything else. */
    static MapLayer of(String name) {
        for (MapLayer l : values()) {
            if (l.param().equals(name)) {
                return l;
            }
        }
        return RISK;
    }

    String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    int bin(CommandView.Area a) {
        return switch (this) {
            case RISK -> a.risk() == null ? 0 : a.risk().ordinal() + 1;
            case CASES -> step(a.confirmed(), 1, 10, 50, 100);
            case OBSERVATION -> step(a.underObservation(), 1, 10, 50, 200);
            case REPORTS -> a.completeness() == null ? 0 : percentBin(a.completeness());
        };
    }

    private static int percentBin(BigDecimal p) {
        if (p.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return 4;
        }
        return p.compareTo(BigDecimal.valueOf(95)) >= 0 ? 3 : p.compareTo(BigDecimal.valueOf(80)) >= 0 ? 2 : 1;
    }

    private static int step(long value, long... lowerBounds) {
        int bin = 0;
        for (long b : lowerBounds) {
            if (value >= b) {
                bin++;
            }
        }
        return bin;
    }
}
