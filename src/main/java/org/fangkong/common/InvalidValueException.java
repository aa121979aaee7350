package org.fangkong.common;

/**
 * A value that breaks a domain rule (bad phone, bad ID checksum...). Carries a message key so the
 * page or API can say it in the user's language; the field is filled in by whoever knows it.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String messageKey;
    private final transient Object[] args;

    public InvalidValueException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
