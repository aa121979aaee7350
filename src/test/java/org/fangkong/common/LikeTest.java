package org.fangkong.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LikeTest {

    @Test
    void wildcardsAndTheEscapeCharacterAreLiteral() {
        assertThat(Like.contains(" 历下 ")).isEqualTo("%历下%");
        assertThat(Like.contains("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
        assertThat(Like.contains("  ")).isNull();
        assertThat(Like.contains(null)).isNull();
    }
}
