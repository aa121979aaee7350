/**
 * Medical supplies (物资调拨, docs/rules.md Supplies): a catalogue of items, stock holders on the
 * jurisdiction tree (warehouses, designated hospitals, producers, external destinations), stock as a
 * ledger of movements whose balances are never negative, requests up the tree approved by the level
 * above, and dispatch orders that fulfil them with proof of delivery.
 */
@ApplicationModule(displayName = "Supplies", allowedDependencies = {"common", "jurisdiction"})
package org.fangkong.supplies;

import org.springframework.modulith.ApplicationModule;
