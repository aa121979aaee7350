package org.fangkong.common.web;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/** A bad value in a named request field; the message key is resolved in the user's language. */
public class FieldException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public FieldException(String field, String messageKey, Object... args) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /**
     * Shows this error on a page form: on its field when the form has one (rendered by
     * {@code th:errors}), else as an error of the whole form.
     */
    public void rejectOn(BindingResult binding) {
        try {
            binding.rejectValue(field, messageKey, args, messageKey);
        } catch (NotReadablePropertyException e) {
            binding.reject(messageKey, args, messageKey);
        }
    }
}
