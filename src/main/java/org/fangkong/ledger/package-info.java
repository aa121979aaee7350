/**
 * Grid ledgers (一图四台账): households and residents (人员构成台账), checkpoints (卡口) with their
 * duty roster and passage log (卡口登记台账) and fever alerts to the township, outsiders
 * (外来人员登记台账) and the village layout map (村庄布局图). Everything is scoped by the village,
 * community or grid it belongs to.
 *
 * <p>This package is the module's API to other modules: where the ledgers place people
 * ({@code LedgerWhereabouts}), arrivals ({@code OutsiderRegistered}, {@code OutsidersImported}) and
 * the colour sources the household list asks for ({@code PersonStatusSource}). Inside, one
 * sub-package per ledger ({@code residents}, {@code checkpoints}, {@code outsiders}, {@code maps}),
 * {@code internal} for what they share (scope checks, import checks, workbooks, retention, the
 * daily report's figures) and {@code web} for pages and API.
 */
@ApplicationModule(displayName = "Ledger", allowedDependencies = {"common", "jurisdiction", "person"})
package org.fangkong.ledger;

import org.springframework.modulith.ApplicationModule;
