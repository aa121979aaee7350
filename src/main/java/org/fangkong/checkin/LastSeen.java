package org.fangkong.checkin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The last check-in of each of many phones (by keyed hash), with its venue: where a person on a
 * cross-matching list was last seen. One index probe per phone and day partition.
 */
@Service
public class LastSeen {

    /** The latest check-in of one phone. */
    public record Sighting(byte[] phoneHash, long venueId, String venueName, String jurisdictionCode, Instant at) {
    }

    private final JdbcClient jdbc;

    LastSeen(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Sighting> of(byte[][] phoneHashes) {
        List<Sighting> found = new ArrayList<>();
        if (phoneHashes.length == 0) {
            return found;
        }
        jdbc.sql("""
                        select l.phone_hash, l.venue_id, v.name, v.jurisdiction_code, l.checked_in_at
                        from (select distinct on (phone_hash) phone_hash, venue_id, checked_in_at from checkin
                              where phone_hash = any(cast(:h as bytea[])) order by phone_hash, checked_in_at desc) l
                        join venue v on v.id = l.venue_id
                        """).param("h", phoneHashes)
                .query((rs, n) -> found.add(new Sighting(rs.getBytes(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant())))
                .list();
        return found;
    }
}
