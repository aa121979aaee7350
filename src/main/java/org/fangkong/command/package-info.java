/**
 * Command (指挥调度, docs/rules.md Directives): directives down the tree to units of chosen levels or
 * chosen nodes, signed for and answered by each unit, forwarded down with additions, and the issuer's
 * view of completion per child and level.
 */
@ApplicationModule(displayName = "Command", allowedDependencies = {"common", "jurisdiction"})
package org.fangkong.command;

import org.springframework.modulith.ApplicationModule;
