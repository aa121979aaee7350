package org.fangkong.jurisdiction;

/**
 * A node of the tree (辖区).
 *
 * @param code       statistics bureau division code; grids: the village code plus a 3-digit suffix
 * @param path       materialised path of codes, e.g. {@code 37.3701.370102}
 * @param childCount number of direct children
 * @param devZone    a county-level functional zone (开发区) rather than a county or district
 * @param subtree    how many descendants of each level lie beneath (kept by a trigger)
 */
public record Jurisdiction(String code, String name, Level level, String parentCode, String path,
                           int childCount, boolean devZone, SubtreeCounts subtree) {
}
