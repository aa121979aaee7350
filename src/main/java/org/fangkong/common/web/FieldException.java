package org.fangkong.common.web;

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
}
