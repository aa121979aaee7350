package org.fangkong.ledger;

import java.util.List;

/**
 * A chunk of an outsider import registered these arrivals, each as {@link OutsiderRegistered} would
 * announce it. One event per chunk of rows, so that a 100,000-row import hands observation a few
 * hundred events (each stored until handled), not 100,000.
 */
public record OutsidersImported(List<OutsiderRegistered> arrivals) {
}
