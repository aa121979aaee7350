package org.fangkong.common;

import java.util.regex.Pattern;

/**
 * A mainland mobile number (手机号): 11 digits matching {@code 1[3-9]\d{9}}. A leading +86/86, spaces
 * and dashes are stripped before the check (docs/rules.md "Identity and contact data").
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public PhoneNumber {
        if (value == null || !MOBILE.matcher(value).matches()) {
            throw new InvalidValueException("validation.phone.invalid");
        }
    }

    public static PhoneNumber parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidValueException("validation.phone.required");
        }
        String digits = input.strip().replaceAll("[\\s\\-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return new PhoneNumber(digits);
    }

    /** {@code 138****5678}. */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }

    @Override
    public String toString() {
        return masked(); // never the full number in logs
    }
}
