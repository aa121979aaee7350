package org.fangkong.common.web;

import java.util.List;

import org.fangkong.common.security.Actor;

/**
 * What needs doing now, for the home page (a grid worker's escalated fevers, open follow-up tasks…):
 * each module contributes its own and decides which roles see it; the home page shows those with a
 * count above zero.
 */
public interface HomeNotices {

    /** A count with its words ({@code messageKey} takes the count), a link, and a tone: {@code bad} or {@code warn}. */
    record Notice(String messageKey, long count, String href, String tone) {
    }

    List<Notice> notices(Actor actor);
}
