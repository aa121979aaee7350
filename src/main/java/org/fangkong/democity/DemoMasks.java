package org.fangkong.democity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.fangkong.masks.MaskRound;
import org.fangkong.masks.MaskRounds;
import org.fangkong.masks.PickupPoint;
import org.fangkong.masks.PickupPoints;
import org.springframework.stereotype.Component;

/** Demo masks (演示数据): four pharmacies in 泰山区 and one first-come round open for a week, so the pages show something. */
@Component
class DemoMasks {

    static final String COUNTY = "370902";

    private final PickupPoints points;
    private final MaskRounds rounds;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    DemoMasks(PickupPoints points, MaskRounds rounds, Jurisdictions jurisdictions, Clock clock) {
        this.points = points;
        this.rounds = rounds;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** Answers the round's id. */
    long generate() {
        List<String> villages = jurisdictions.codesAt(Level.VILLAGE, jurisdictions.findUnscoped(COUNTY).orElseThrow().path());
        String[] names = {"演示：泰山大药房", "演示：仁和堂药店", "演示：社区卫生服务站", "演示：益民药房"};
        List<MaskRounds.Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            PickupPoint p = points.register(new PickupPoints.PointForm(villages.get(i * 7 % villages.size()), names[i],
                    i == 2 ? PickupPoint.Kind.COMMUNITY : PickupPoint.Kind.PHARMACY, "泰山区", "8:00-20:00"), DemoOutbreak.DEMO);
            allocations.add(new MaskRounds.Allocation(p.id(), 500));
        }
        Instant now = clock.instant();
        LocalDate today = ShanghaiTime.today(clock);
        return rounds.open(new MaskRounds.RoundForm(COUNTY, "演示：第一批口罩", MaskRound.Mode.FIRST_COME, 5, 10,
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), today, today.plusDays(8), allocations),
                DemoOutbreak.DEMO).id();
    }
}
