package org.fangkong.masks;

/** A pharmacy or other point where reserved masks are collected (领取点), under a village or community. */
public record PickupPoint(long id, String jurisdictionCode, String jurisdictionName, String name, Kind kind, String address,
                          String hours) {

    public enum Kind { PHARMACY, CLINIC, COMMUNITY, OTHER }
}
