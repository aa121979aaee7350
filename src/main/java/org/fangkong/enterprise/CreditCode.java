package org.fangkong.enterprise;

import java.util.Locale;

import org.fangkong.common.web.FieldException;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters of 0–9 and the capitals without I, O, Z, S and V;
 * characters 3–8 are the registering division's code; the last is the check character over the
 * first 17 (weights 3^i mod 31).
 */
public record CreditCode(String value) {

    public static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** The code as typed (blanks and lower case forgiven), or a 400 naming {@code field}. */
    public static CreditCode parse(String text, String field) {
        String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (code.length() != 18) {
            throw new FieldException(field, "validation.enterprise.creditCodeLength");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARS.indexOf(code.charAt(i)) < 0) {
                throw new FieldException(field, "validation.enterprise.creditCodeChars");
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            throw new FieldException(field, "validation.enterprise.creditCodeDivision");
        }
        if (code.charAt(17) != checkChar(code.substring(0, 17))) {
            throw new FieldException(field, "validation.enterprise.creditCodeCheck");
        }
        return new CreditCode(code);
    }

    /** The check character of the first 17 characters. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARS.charAt(c == 31 ? 0 : c);
    }
}
