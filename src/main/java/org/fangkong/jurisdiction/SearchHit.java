package org.fangkong.jurisdiction;

/** A search result with its full name down from the province (山东省 › 济南市 › 历下区). */
public record SearchHit(Jurisdiction node, String fullName) {
}
