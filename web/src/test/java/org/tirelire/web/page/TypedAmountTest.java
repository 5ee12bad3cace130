package org.tirelire.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypedAmountTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "25|2500",
                "25,5|2550",
                "25,50|2550",
                "25.50|2550",
                "1 000|100000",
                "1\u202f000,00 €|100000",
                "0,01|1",
                "€12|1200",
                "12 EUR|1200"
            })
    void reads_what_people_type_into_exact_minor_units(String typed, long minorUnits) {
        assertThat(TypedAmount.minorUnits(typed, "EUR")).hasValue(minorUnits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,345", "-5", "douze", "1e3", "12,5,0", "0x10", "1234567890123"})
    void refuses_rather_than_rounds_or_guesses(String typed) {
        assertThatThrownBy(() -> TypedAmount.minorUnits(typed, "EUR")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void nothing_typed_is_no_amount(String typed) {
        assertThat(TypedAmount.minorUnits(typed, "EUR")).isEqualTo(OptionalLong.empty());
    }

    @ParameterizedTest
    @CsvSource({"2500,EUR,25", "2550,EUR,25.5", "1,EUR,0.01", "100000,GBP,1000"})
    void writes_an_amount_back_as_it_would_be_typed(long minorUnits, String currency, String typed) {
        assertThat(TypedAmount.typed(minorUnits, currency)).isEqualTo(typed);
        assertThat(TypedAmount.minorUnits(typed, currency)).hasValue(minorUnits);
    }
}
