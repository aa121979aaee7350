package org.fangkong.command;

import java.time.Instant;

/** A directive (指令) as issued: by which node, to how many units, by when, whether feedback is required. */
public record Directive(long id, String issuerCode, String issuerName, Long parentId, String title, String body, Instant deadline,
                        boolean feedbackRequired, String issuedBy, Instant issuedAt, long recipients, String attachment) {
}
