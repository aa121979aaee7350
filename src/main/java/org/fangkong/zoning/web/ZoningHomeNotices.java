package org.fangkong.zoning.web;

import java.time.Clock;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.HomeNotices;
import org.fangkong.zoning.PublishedLevels;
import org.springframework.stereotype.Component;

/** On officers' and commanders' home page: counties in scope whose published level changed today. */
@Component
class ZoningHomeNotices implements HomeNotices {

    private final PublishedLevels published;
    private final Clock clock;

    ZoningHomeNotices(PublishedLevels published, Clock clock) {
        this.published = published;
        this.clock = clock;
    }

    @Override
    public List<Notice> notices(Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.COMMANDER)) {
            return List.of();
        }
        long changed = published.changedSince(actor.scopePath(), ShanghaiTime.startOf(ShanghaiTime.today(clock)));
        return List.of(new Notice("home.notice.levelsChanged", changed, "/zoning", "warn"));
    }
}
