package org.fangkong.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void namesKeepTheFirstCharacter() {
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
        assertThat(Masking.name("李四")).isEqualTo("李*");
        assertThat(Masking.name("王")).isEqualTo("王*");
        assertThat(Masking.name("  欧阳娜娜 ")).isEqualTo("欧***");
        assertThat(Masking.name(null)).isEmpty();
    }

    @Test
    void phonesAndIdsMaskPerTheRules() {
        assertThat(Masking.phone("+86 138-1234-5678")).isEqualTo("138****5678");
        assertThat(Masking.idNumber("11010519491231002x")).isEqualTo("110105********002X");
    }

    @Test
    void invalidValuesAreStillMaskedNotShown() {
        assertThat(Masking.phone("12345")).isEqualTo("****5").doesNotContain("123");
        assertThat(Masking.idNumber("E12345678")).isEqualTo("*******78");
        assertThat(Masking.phone("")).isEmpty();
    }
}
