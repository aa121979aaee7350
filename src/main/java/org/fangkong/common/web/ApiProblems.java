package org.fangkong.common.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's problem+json in the caller's language, for the controllers' advice and for the doors
 * that answer before Spring MVC (the security chain's 401/403, the public check-in door), so that
 * every API error reads the same wherever it is raised.
 */
@Component
public class ApiProblems {

    private final MessageSource messages;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A problem with a title and detail from the message bundle, naming {@code field} when given. */
    public ProblemDetail simple(Locale locale, HttpStatus status, String type, String titleKey, String detailKey, String field) {
        String title = messages.getMessage(titleKey, null, locale);
        String detail = messages.getMessage(detailKey, null, locale);
        ProblemDetail p = Problems.of(status, type, title, detail);
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    /** A validation (or conflict) problem whose detail is the message {@code key} about {@code field}. */
    public ProblemDetail field(Locale locale, HttpStatus status, String type, String field, String key, Object[] args) {
        String message = messages.getMessage(key, args, key, locale);
        String title = messages.getMessage(status == HttpStatus.CONFLICT ? "error.conflict.title" : "error.validation.title",
                null, locale);
        return field == null
                ? Problems.of(status, type, title, message)
                : Problems.fields(status, type, title, List.of(Map.of("field", field, "message", message)));
    }

    /** Bad rows of an import in the caller's language, at most 1,000 of them. */
    public List<Map<String, Object>> rowErrors(List<RowsRejected.RowError> errors, Locale locale) {
        return errors.stream().limit(1000).map(r -> Map.<String, Object>of("row", r.row(), "field", r.field(),
                "message", messages.getMessage(r.messageKey(), null, r.messageKey(), locale))).toList();
    }

    /** The problem for a refused import: the first bad field, every bad row, how many. */
    public ProblemDetail rejected(RowsRejected e, Locale locale) {
        String title = messages.getMessage("import.rejected", new Object[] {e.errors().size()}, locale);
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION, title, title);
        p.setProperty("field", e.errors().isEmpty() ? null : e.errors().get(0).field());
        p.setProperty("errors", rowErrors(e.errors(), locale));
        p.setProperty("rejectedRows", e.errors().size());
        return p;
    }

    /**
     * The problem type and message keys for an HTTP status raised outside the controllers' advice
     * ({@code [type, titleKey, detailKey]}): the same words pages and the API use for it elsewhere.
     */
    static String[] forStatus(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> new String[] {Problems.NOT_FOUND, "error.notFound.title", "error.notFound.detail"};
            case FORBIDDEN -> new String[] {Problems.FORBIDDEN, "error.forbidden.title", "error.forbidden.detail"};
            case UNAUTHORIZED -> new String[] {Problems.UNAUTHORIZED, "error.unauthorized.title", "error.unauthorized.detail"};
            case METHOD_NOT_ALLOWED -> new String[] {Problems.MALFORMED, "error.method.title", "error.method.detail"};
            default -> status.is4xxClientError()
                    ? new String[] {Problems.MALFORMED, "error.malformed.title", "error.malformed.detail"}
                    : new String[] {Problems.INTERNAL, "error.internal.title", "error.internal.detail"};
        };
    }

    /** {@code p} as the JSON body Spring MVC writes for it, {@code instance} defaulting to {@code path}. */
    static Map<String, Object> body(ProblemDetail p, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.getType().toString());
        body.put("title", p.getTitle());
        body.put("status", p.getStatus());
        body.put("detail", p.getDetail());
        body.put("instance", p.getInstance() != null ? p.getInstance().toString() : path);
        if (p.getProperties() != null) {
            body.putAll(p.getProperties());
        }
        return body;
    }

    /** Writes {@code p} as Spring MVC would, with the request path as its {@code instance}. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail p) throws IOException {
        Map<String, Object> body = body(p, request.getRequestURI());
        response.setStatus(p.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
