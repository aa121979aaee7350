package org.fangkong.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource({
            "13812345678, 13812345678",
            "+86 138 1234 5678, 13812345678",
            "86-138-1234-5678, 13812345678",
            "+8619912345678, 19912345678",
            "'  15012345678 ', 15012345678"})
    void normalisesAcceptedForms(String input, String expected) {
        assertThat(PhoneNumber.parse(input).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "23812345678", "1381234567a", "+1 415 555 0100",
            "10086", "8613812345"})
    void rejectsWhatIsNotAMainlandMobile(String input) {
        assertThatThrownBy(() -> PhoneNumber.parse(input))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("validation.phone.invalid");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingIsItsOwnError(String input) {
        assertThatThrownBy(() -> PhoneNumber.parse(input))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("validation.phone.required");
    }

    @ParameterizedTest
    @CsvSource({"13812345678, 138****5678", "19900001111, 199****1111"})
    void masksTheMiddleFour(String input, String masked) {
        PhoneNumber p = PhoneNumber.parse(input);
        assertThat(p.masked()).isEqualTo(masked);
        assertThat(p.toString()).isEqualTo(masked).doesNotContain(input.substring(3, 7));
    }
}
