/**
 * Value types and infrastructure shared by every module: {@code PhoneNumber}, {@code IdCardNumber},
 * masking, PII sealing, the acting staff member, problem-detail errors and the embedded database.
 * Open module: its sub-packages are part of its API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.fangkong.common;
