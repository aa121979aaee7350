package org.fangkong.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.log.LogMasking;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * One place that turns failures into what the user sees: {@code application/problem+json} under
 * {@code /api/}, a readable page in the user's language everywhere else.
 */
@ControllerAdvice
class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);
    private final MessageSource messages;
    private final ShellAdvice shell;
    private final ApiProblems problems;

    ErrorAdvice(MessageSource messages, ShellAdvice shell, ApiProblems problems) {
        this.messages = messages;
        this.shell = shell;
        this.problems = problems;
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    Object notFound(HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "error.notFound.title", "error.notFound.detail", null);
    }

    /** On a page: which roles may open it (from the navigation entry it lies under) and a way home. */
    @ExceptionHandler(AccessDeniedException.class)
    Object forbidden(HttpServletRequest request) {
        if (isApi(request)) {
            return respond(request, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "error.forbidden.title", "error.forbidden.detail", null);
        }
        Locale locale = RequestContextUtils.getLocale(request);
        // forwarded here by the security filters: the page asked for is the one before the forward
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri = forwarded instanceof String f ? f : request.getRequestURI();
        List<Role> roles = shell.rolesFor(uri.substring(request.getContextPath().length()));
        String detail = messages.getMessage("error.forbidden.detail", null, locale);
        // only where the role is not among them: a refused action on a page the role may open says just that
        boolean notForTheRole = Actors.current().map(a -> !roles.contains(a.role())).orElse(false);
        if (!roles.isEmpty() && notForTheRole) {
            String names = String.join(messages.getMessage("list.separator", null, ", ", locale),
                    roles.stream().map(r -> messages.getMessage("role." + r.name(), null, locale)).toList());
            detail = messages.getMessage("error.forbidden.roles", new Object[] {names}, locale);
        }
        ModelAndView page = page(HttpStatus.FORBIDDEN, messages.getMessage("error.forbidden.title", null, locale), detail);
        page.addObject("allowedRoles", roles);
        return page;
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(HttpServletRequest request, ConflictException e) {
        return fieldProblem(request, HttpStatus.CONFLICT, Problems.CONFLICT, e.field(), e.messageKey(), e.args());
    }

    /** A unique key met by two writers at once, where the service did not name the field itself. */
    @ExceptionHandler(DuplicateKeyException.class)
    Object duplicate(HttpServletRequest request) {
        return fieldProblem(request, HttpStatus.CONFLICT, Problems.CONFLICT, null, "error.conflict.detail", null);
    }

    @ExceptionHandler(FieldException.class)
    Object field(HttpServletRequest request, FieldException e) {
        return fieldProblem(request, HttpStatus.BAD_REQUEST, Problems.VALIDATION, e.field(), e.messageKey(), e.args());
    }

    @ExceptionHandler(InvalidValueException.class)
    Object invalid(HttpServletRequest request, InvalidValueException e) {
        return fieldProblem(request, HttpStatus.BAD_REQUEST, Problems.VALIDATION, null, e.messageKey(), e.args());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object beanValidation(HttpServletRequest request, MethodArgumentNotValidException e) {
        Locale locale = RequestContextUtils.getLocale(request);
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", fe.getField(), "message", messages.getMessage(fe, locale)));
        }
        String title = messages.getMessage("error.validation.title", null, locale);
        if (isApi(request)) {
            return Problems.response(Problems.validation(title, errors));
        }
        return page(HttpStatus.BAD_REQUEST, title, errors.isEmpty() ? title : errors.get(0).get("message"));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    Object malformed(HttpServletRequest request, Exception e) {
        if (causedBy(e, BodySizeLimit.TooLarge.class)) {
            return tooLarge(request);
        }
        ProblemDetail typed = JsonInput.typeProblem(e, messages, RequestContextUtils.getLocale(request));
        if (typed != null) {
            if (isApi(request)) {
                return Problems.response(typed);
            }
            return page(HttpStatus.BAD_REQUEST, typed.getTitle(), typed.getTitle());
        }
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : e instanceof MissingServletRequestParameterException m ? m.getParameterName() : null;
        return respond(request, HttpStatus.BAD_REQUEST, Problems.MALFORMED, "error.malformed.title", "error.malformed.detail", field);
    }

    /** An upload over the size limit (multipart, or a chunked raw body stopped while read). */
    @ExceptionHandler({MaxUploadSizeExceededException.class, BodySizeLimit.TooLarge.class})
    Object tooLarge(HttpServletRequest request) {
        return respond(request, HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE, "error.tooLarge.title", "error.tooLarge.detail",
                "file");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpServletRequest request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED, Problems.MALFORMED, "error.method.title", "error.method.detail", null);
    }

    @ExceptionHandler(RowsRejected.class)
    Object rowsRejected(HttpServletRequest request, RowsRejected e) {
        Locale locale = RequestContextUtils.getLocale(request);
        if (isApi(request)) {
            return Problems.response(problems.rejected(e, locale));
        }
        String title = messages.getMessage("import.rejected", new Object[] {e.errors().size()}, locale);
        return page(HttpStatus.BAD_REQUEST, title, title);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpServletRequest request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.MALFORMED, "error.mediaType.title",
                "error.mediaType.detail", null);
    }

    @ExceptionHandler(Exception.class)
    Object internal(HttpServletRequest request, Exception e) {
        log.error("Unhandled error on {} {}", request.getMethod(), LogMasking.path(request.getRequestURI()), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "error.internal.title", "error.internal.detail", null);
    }

    private Object fieldProblem(HttpServletRequest request, HttpStatus status, String type, String field, String key, Object[] args) {
        Locale locale = RequestContextUtils.getLocale(request);
        if (isApi(request)) {
            return Problems.response(problems.field(locale, status, type, field, key, args));
        }
        String title = messages.getMessage(status == HttpStatus.CONFLICT ? "error.conflict.title" : "error.validation.title", null, locale);
        return page(status, title, messages.getMessage(key, args, key, locale));
    }

    private Object respond(HttpServletRequest request, HttpStatus status, String type, String titleKey, String detailKey, String field) {
        Locale locale = RequestContextUtils.getLocale(request);
        if (isApi(request)) {
            return Problems.response(problems.simple(locale, status, type, titleKey, detailKey, field));
        }
        return page(status, messages.getMessage(titleKey, null, locale), messages.getMessage(detailKey, null, locale));
    }

    private ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView mav = new ModelAndView("error/page");
        shell.populate(mav);
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("errorTitle", title);
        mav.addObject("errorDetail", detail);
        return mav;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
