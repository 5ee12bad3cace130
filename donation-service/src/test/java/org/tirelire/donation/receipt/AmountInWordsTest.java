package org.tirelire.donation.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmountInWordsTest {

    @Test
    void the_smallest_gift_is_one_centime() {
        assertThat(AmountInWords.french(1)).isEqualTo("un centime");
        assertThat(AmountInWords.french(99)).isEqualTo("quatre-vingt-dix-neuf centimes");
    }

    @Test
    void eighty_takes_its_plural_s_and_eighty_one_does_not() {
        assertThat(AmountInWords.french(80_00)).isEqualTo("quatre-vingts euros");
        assertThat(AmountInWords.french(81_00)).isEqualTo("quatre-vingt-un euros");
    }

    @Test
    void seventy_one_and_fifty_read_as_the_model_receipt_writes_them() {
        assertThat(AmountInWords.french(71_00)).isEqualTo("soixante-et-onze euros");
        assertThat(AmountInWords.french(50_00)).isEqualTo("cinquante euros");
    }

    @Test
    void one_euro_is_singular_and_cents_follow_the_euros() {
        assertThat(AmountInWords.french(1_00)).isEqualTo("un euro");
        assertThat(AmountInWords.french(1_50)).isEqualTo("un euro et cinquante centimes");
        assertThat(AmountInWords.french(1234_05)).isEqualTo("mille deux cent trente-quatre euros et cinq centimes");
    }

    @Test
    void a_round_million_takes_de_before_euros() {
        assertThat(AmountInWords.french(1_000_000_00L)).isEqualTo("un million d'euros");
        assertThat(AmountInWords.french(2_000_000_00L)).isEqualTo("deux millions d'euros");
        assertThat(AmountInWords.french(1_000_001_00L)).isEqualTo("un million un euros");
    }

    @Test
    void nothing_or_less_is_no_amount_for_a_receipt() {
        assertThatThrownBy(() -> AmountInWords.french(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
