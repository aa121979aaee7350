/**
 * The synthetic city (演示数据): people, venues spread over the real jurisdiction tree and days of
 * check-ins, deterministic for a seed, for demos and benchmarks. Everything it makes is marked demo.
 */
@ApplicationModule(displayName = "Demo city",
        allowedDependencies = {"common", "jurisdiction", "venue", "checkin", "cases", "reporting", "observation", "masks", "enterprise", "supplies", "command"})
package org.fangkong.democity;

import org.springframework.modulith.ApplicationModule;
