package org.fangkong.common.web;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A small form on a list or detail page (record a case, a reading, a passage) posts, then redirects
 * back to its page (post/redirect/get). Its first error travels in the flash: {@code errorKey} (a
 * message key), {@code errorField} and {@code errorArgs}; the page shows it above the form. Forms on
 * a page of their own re-render with {@code th:errors} instead (docs/conventions.md).
 */
public final class PageForms {

    private PageForms() {
    }

    /** Whether the form bound; if not, its first error is in the flash. */
    public static boolean bound(BindingResult binding, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            return true;
        }
        ObjectError error = binding.getAllErrors().get(0);
        String field = error instanceof FieldError f ? f.getField() : null;
        flash(redirect, field, key(error), new Object[0]);
        return false;
    }

    /** A service's verdict on one field, for the page to show. */
    public static void flash(FieldException e, RedirectAttributes redirect) {
        flash(redirect, e.field(), e.messageKey(), e.args());
    }

    private static void flash(RedirectAttributes redirect, String field, String key, Object[] args) {
        redirect.addFlashAttribute("errorKey", key);
        redirect.addFlashAttribute("errorField", field);
        redirect.addFlashAttribute("errorArgs", args);
    }

    /** A value not of its kind: the message for its type ({@code typeMismatch.java.time.LocalDate}), else the general one. */
    private static String key(ObjectError error) {
        String[] codes = error.getCodes();
        if (codes != null) {
            for (String code : codes) {
                if (code.startsWith("typeMismatch.java.")) {
                    return code;
                }
            }
        }
        return "typeMismatch";
    }
}
