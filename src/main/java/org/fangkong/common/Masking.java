package org.fangkong.common;

/** How personal data looks on screen when the viewer may not reveal it (docs/rules.md "Masking"). */
public final class Masking {

    private Masking() {
    }

    /** Names keep the first character: {@code 张**}. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        int rest = n.codePointCount(first, n.length());
        return n.substring(0, first) + "*".repeat(Math.max(rest, 1));
    }

    /** Masks a phone or ID number when it is valid, otherwise all but the last two characters. */
    public static String phone(String phone) {
        try {
            return PhoneNumber.parse(phone).masked();
        } catch (InvalidValueException e) {
            return generic(phone);
        }
    }

    public static String idNumber(String id) {
        try {
            return IdCardNumber.parse(id).masked();
        } catch (InvalidValueException e) {
            return generic(id);
        }
    }

    private static String generic(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        int keep = Math.min(2, s.length() / 4);
        return "*".repeat(s.length() - keep) + s.substring(s.length() - keep);
    }
}
