package org.fangkong.ledger;

import java.util.Collection;
import java.util.Map;

/**
 * What another module knows about people that colours their household (docs/rules.md: red = fever,
 * case or escalated; yellow = under observation). Observation implements it; the ledger asks
 * every source without depending on any of them.
 */
public interface PersonStatusSource {

    /** {@code RED} or {@code YELLOW} for each of these people the source has something to say about. */
    Map<Long, String> colours(Collection<Long> personIds);
}
