package org.fangkong.common.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem details with stable {@code type}s, as every API error of Fangkong looks. */
public final class Problems {

    public static final String VALIDATION = "/problems/validation";
    public static final String NOT_FOUND = "/problems/not-found";
    public static final String CONFLICT = "/problems/conflict";
    public static final String UNAUTHORIZED = "/problems/unauthorized";
    public static final String FORBIDDEN = "/problems/forbidden";
    public static final String LOCKED = "/problems/account-locked";
    public static final String MALFORMED = "/problems/malformed-request";
    public static final String INTERNAL = "/problems/internal";
    public static final String TOO_LARGE = "/problems/too-large";
    public static final String THROTTLED = "/problems/too-many-attempts";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(type));
        p.setTitle(title);
        return p;
    }

    /** A validation problem naming the first bad field and listing all of them. */
    public static ProblemDetail validation(String title, List<Map<String, String>> errors) {
        return fields(HttpStatus.BAD_REQUEST, VALIDATION, title, errors);
    }

    /** A problem about named fields ({@code field} = the first, {@code errors} = all of them). */
    public static ProblemDetail fields(HttpStatus status, String type, String title, List<Map<String, String>> errors) {
        ProblemDetail p = of(status, type, title, errors.isEmpty() ? title : errors.get(0).get("message"));
        if (!errors.isEmpty()) {
            p.setProperty("field", errors.get(0).get("field"));
        }
        p.setProperty("errors", errors);
        return p;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
