package org.fangkong.tracing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of an uploaded list as {@code match_row} keeps it: the identity it gave (sealed and
 * masked), its fault if it had one, the person it matched and where that placed them (the ledger's
 * place, a checkpoint or a check-in), with the last sighting and passage.
 */
record MatchedLine(long listId, int rowNo, byte[] nameSealed, String nameMasked, byte[] idSealed, String idMasked,
                   byte[] phoneSealed, String phoneMasked, LocalDate leftOn, LocalDate arrivedOn, String errorField,
                   String errorKey, Long personId, String source, String jurisdictionCode, Long householdId,
                   String address, String venueName, Instant lastSeenAt, String checkpointName, Instant passedAt,
                   String venueJurisdiction, String checkpointJurisdiction) {

    static final String INSERT = """
            insert into match_row (list_id, row_no, name_sealed, name_masked, id_sealed, id_masked, phone_sealed,
                                   phone_masked, left_on, arrived_on, error_field, error_key, person_id, matched,
                                   source, jurisdiction_code, household_id, address, venue_name, last_seen_at,
                                   checkpoint_name, passed_at, venue_jurisdiction, checkpoint_jurisdiction)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** Found somewhere: in a ledger, at a checkpoint, in the check-ins, or at least in the registry. */
    boolean matched() {
        return source != null;
    }

    boolean invalid() {
        return errorKey != null;
    }

    /** The values of {@link #INSERT}, in its order. */
    Object[] insertValues() {
        return new Object[] {listId, rowNo, nameSealed, nameMasked, idSealed, idMasked, phoneSealed, phoneMasked, leftOn,
                arrivedOn, errorField, errorKey, personId, matched(), source, jurisdictionCode, householdId, address,
                venueName, timestamp(lastSeenAt), checkpointName, timestamp(passedAt), venueJurisdiction,
                checkpointJurisdiction};
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
