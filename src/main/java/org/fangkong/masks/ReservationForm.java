package org.fangkong.masks;

/** What a citizen types to reserve: who (name, ID number, phone) and where (a point of the round). */
public record ReservationForm(Long roundId, Long pointId, String name, String idNumber, String phone) {
}
