package org.fangkong.common.web;

/** The request clashes with what exists (a taken username...). */
public class ConflictException extends FieldException {
    public ConflictException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
