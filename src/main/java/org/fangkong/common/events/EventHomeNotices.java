package org.fangkong.common.events;

import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.web.HomeNotices;
import org.springframework.stereotype.Component;

/** On the admin's home page: module events whose listener has not completed. */
@Component
class EventHomeNotices implements HomeNotices {

    private final EventPublications publications;

    EventHomeNotices(EventPublications publications) {
        this.publications = publications;
    }

    @Override
    public List<Notice> notices(Actor actor) {
        return List.of(new Notice("home.notice.incompleteEvents", publications.count(actor), "/events", "bad"));
    }
}
