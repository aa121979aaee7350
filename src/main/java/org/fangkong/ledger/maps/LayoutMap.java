package org.fangkong.ledger.maps;

import java.time.Instant;

/** A village's plan image (村庄布局图) and where it belongs; the image itself is fetched apart. */
public record LayoutMap(long id, String jurisdictionCode, String jurisdictionName, String name, int width, int height,
                        String uploadedBy, Instant uploadedAt) {

    /** The drawing is 1000 units wide; its height keeps the image's proportions. */
    public long drawingHeight() {
        return Math.round(1000.0 * height / width);
    }

    /** Height in CSS pixels when the plan is shown {@code px} wide (the page that places households). */
    public long heightAt(int px) {
        return Math.round((double) px * height / width);
    }
}
