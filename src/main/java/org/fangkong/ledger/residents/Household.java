package org.fangkong.ledger.residents;

/** A household (户) in a village, community or grid: a building or courtyard and a house number. */
public record Household(long id, String jurisdictionCode, String jurisdictionName, String building, String address,
                        int members) {
}
