/**
 * Value types and infrastructure shared by every module: {@code PhoneNumber}, {@code IdCardNumber},
 * masking, PII sealing, the acting staff member, problem-detail errors, page helpers, long jobs, the
 * settings of module events and the embedded database.
 * Open module: its sub-packages are part of its API.
 */
@ApplicationModule(displayName = "Common", type = ApplicationModule.Type.OPEN)
package org.fangkong.common;

import org.springframework.modulith.ApplicationModule;
