package org.fangkong.command.web;

import java.util.ArrayList;
import java.util.List;

import org.fangkong.command.Directives;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.HomeNotices;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A unit's home page lists its open directives first: how many wait, and how many are overdue. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DirectiveHomeNotices implements HomeNotices {

    private final Directives directives;

    DirectiveHomeNotices(Directives directives) {
        this.directives = directives;
    }

    @Override
    public List<Notice> notices(Actor actor) {
        List<Directives.Received> open = directives.inbox(actor, true);
        List<Notice> notices = new ArrayList<>();
        long overdue = open.stream().filter(Directives.Received::overdue).count();
        if (overdue > 0) {
            notices.add(new Notice("home.notice.directivesOverdue", overdue, "/directives", "bad"));
        }
        if (open.size() > overdue) {
            notices.add(new Notice("home.notice.directives", open.size() - overdue, "/directives", "warn"));
        }
        return notices;
    }
}
