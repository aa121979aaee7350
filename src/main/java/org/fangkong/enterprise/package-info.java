/**
 * Enterprise resumption (复工复产, docs/rules.md: Enterprise resumption): the enterprise registry on
 * the jurisdiction tree, resumption filings approved by the township or park officer, the states
 * 未复工 / 已备案 / 已复工 / 达产 with their days, and 开工率 and 复岗率 for any node, industry and day.
 */
@ApplicationModule(displayName = "Enterprise", allowedDependencies = {"common", "jurisdiction", "ledger", "person"})
package org.fangkong.enterprise;

import org.springframework.modulith.ApplicationModule;
