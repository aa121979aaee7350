package org.fangkong.common;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdCardNumberTest {

    /** Builds a valid number with the check character computed independently of the class under test. */
    static String valid(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String map = "10X98765432";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + map.charAt(sum % 11);
    }

    @Test
    void acceptsTheStandardsOwnExample() {
        // GB 11643-1999 example: check character X
        IdCardNumber id = IdCardNumber.parse("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.male()).isFalse();
        assertThat(id.areaCode()).isEqualTo("110105");
    }

    @Test
    void lowerCaseXIsStoredUpperCase() {
        assertThat(IdCardNumber.parse("11010519491231002x").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void readsSexAndAge() {
        IdCardNumber man = IdCardNumber.parse(valid("37010219800229001"));
        assertThat(man.male()).isTrue();
        assertThat(man.birthDate()).isEqualTo(LocalDate.of(1980, 2, 29));
        assertThat(man.ageOn(LocalDate.of(2020, 2, 24))).isEqualTo(39);
        assertThat(man.ageOn(LocalDate.of(2020, 2, 29))).isEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3701021980010100", "37010219800101001234", "37010219800101001Y", "A70102198001010011"})
    void rejectsBadFormat(String input) {
        assertThatThrownBy(() -> IdCardNumber.parse(input))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("validation.id.format");
    }

    @ParameterizedTest
    @CsvSource({"37010219810229001", "37010219801301001", "37010219800132001", "37010218000101001", "37010229990101001"})
    void rejectsBirthDatesThatAreNotRealOrInTheFuture(String first17) {
        assertThatThrownBy(() -> IdCardNumber.parse(valid(first17)))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("validation.id.birthDate");
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        String good = valid("37010219800101001");
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        assertThatThrownBy(() -> IdCardNumber.parse(good.substring(0, 17) + wrong))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("validation.id.checksum");
    }

    @Test
    void masksAllButAreaAndLastFour() {
        IdCardNumber id = IdCardNumber.parse("11010519491231002X");
        assertThat(id.masked()).isEqualTo("110105********002X");
        assertThat(id.toString()).isEqualTo(id.masked());
    }
}
