package org.fangkong.testsupport;

import org.fangkong.common.IdCardNumber;

/** Valid made-up ID card numbers for tests: place, birth date and a sequence, with the right check character. */
public final class IdNumbers {

    private IdNumbers() {
    }

    /** {@code place}: six digits of a county; {@code birth}: yyyyMMdd; {@code seq}: 0–999, unique per test. */
    public static String of(String place, String birth, int seq) {
        String first17 = place + birth + String.format("%03d", seq);
        return first17 + IdCardNumber.checkCharacter(first17);
    }
}
