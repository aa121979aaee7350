/**
 * Grid ledgers (一图四台账): households and residents (人员构成台账), checkpoints (卡口) and their
 * passage log (卡口登记台账) with fever alerts to the township. Everything is scoped by the
 * village, community or grid it belongs to.
 */
@ApplicationModule(displayName = "Ledger", allowedDependencies = {"common", "jurisdiction", "person"})
package org.fangkong.ledger;

import org.springframework.modulith.ApplicationModule;
