package org.fangkong.tracing;

import java.time.Instant;
import java.util.List;

import org.fangkong.common.web.PageResult;

/**
 * The answer to an exposure search: the index person's visits, and for each the overlapping
 * visitors (one row per pair of visits), paged and sorted.
 */
public record ExposureResult(String phone, Instant from, Instant to, int bufferMinutes, int closeMinutes, boolean revealed,
                             List<IndexVisitView> visits, PageResult<ContactRow> contacts, Summary summary) {

    public record IndexVisitView(long venueId, String venueName, Instant checkedInAt, Instant checkedOutAt, int contacts,
                                 int closeContacts) {
    }

    /** One visitor who overlapped one of the index person's visits. */
    public record ContactRow(long venueId, String venueName, Instant indexCheckedInAt, Instant indexCheckedOutAt,
                             String phone, Instant checkedInAt, Instant checkedOutAt, long overlapMinutes,
                             ContactClass contactClass) {
    }

    /** Distinct people: someone met at two venues counts once, as close if close anywhere. */
    public record Summary(int visits, int contactRows, int people, int closePeople, int sameTimePeople) {
    }
}
