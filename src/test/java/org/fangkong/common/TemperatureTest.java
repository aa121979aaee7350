package org.fangkong.common;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemperatureTest {

    @Test
    void acceptsWhatAGuardTypes() {
        assertThat(Temperature.parseOrNull("37.3")).isEqualByComparingTo("37.3");
        assertThat(Temperature.parseOrNull("373")).isEqualByComparingTo("37.3");
        assertThat(Temperature.parseOrNull(" 36，8 ")).isEqualByComparingTo("36.8");
        assertThat(Temperature.parseOrNull("38℃")).isEqualByComparingTo("38.0");
        assertThat(Temperature.parseOrNull("36.55")).isEqualByComparingTo("36.6");
        assertThat(Temperature.parseOrNull("")).isNull();
    }

    @Test
    void refusesWhatIsNoBodyTemperature() {
        for (String bad : new String[] {"3730", "29.9", "45.1", "abc", "37.3.1", "-37"}) {
            assertThatThrownBy(() -> Temperature.parseOrNull(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
        assertThat(Temperature.check(new BigDecimal("45.0"))).isEqualByComparingTo("45.0");
    }
}
