package org.fangkong.democity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fangkong.common.web.FigureNotes;
import org.springframework.stereotype.Component;

/**
 * While the 2020 replay is loaded, the dashboard says where its county figures are not published:
 * a county's range on a day and the value used, how many counties of a city or the province are
 * ranges, and that no county figures exist before 2020-02-18.
 */
@Component
class ReplayNotes implements FigureNotes {

    static final LocalDate FIRST_COUNTY_FIGURES = LocalDate.of(2020, 2, 18);

    private final Shandong2020 replay;
    private volatile boolean loaded;

    ReplayNotes(Shandong2020 replay) {
        this.replay = replay;
    }

    @Override
    public List<Note> notes(String code, LocalDate day) {
        if (day.isBefore(Shandong2020Data.FIRST) || day.isAfter(Shandong2020Data.LAST) || !loaded()) {
            return List.of();
        }
        List<Note> notes = new ArrayList<>();
        if (day.isBefore(FIRST_COUNTY_FIGURES)) {
            notes.add(new Note("replay.note.noCounties", List.of()));
        }
        List<Shandong2020Plan.Range> onDay = replay.shipped().ranges.stream().filter(r -> r.day().equals(day) && r.county().startsWith(code)).toList();
        if (code.length() == 6) {
            onDay.forEach(r -> notes.add(new Note("replay.note.county", List.of(r.name(), r.min(), r.max(), r.used()))));
        } else if (!onDay.isEmpty()) {
            notes.add(new Note("replay.note.counties", List.of(onDay.size())));
        }
        return notes;
    }

    private boolean loaded() {
        if (!loaded) {
            loaded = replay.loaded(); // once loaded it stays loaded: ask the registry until then
        }
        return loaded;
    }
}
