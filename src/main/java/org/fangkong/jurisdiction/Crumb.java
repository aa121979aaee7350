package org.fangkong.jurisdiction;

/** One step of the breadcrumbs; {@code inScope} tells whether the viewer may open it. */
public record Crumb(String code, String name, Level level, boolean inScope) {
}
