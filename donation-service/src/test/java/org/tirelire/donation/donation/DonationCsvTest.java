package org.tirelire.donation.donation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DonationCsvTest {

    @Test
    void amounts_use_a_decimal_comma() {
        assertThat(DonationCsv.decimal(123456)).isEqualTo("1234,56");
        assertThat(DonationCsv.decimal(5)).isEqualTo("0,05");
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertThat(DonationCsv.cell("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK");
        assertThat(DonationCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void separators_quotes_and_line_breaks_stay_inside_their_cell() {
        assertThat(DonationCsv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(DonationCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(DonationCsv.cell("line1\nline2")).isEqualTo("\"line1\nline2\"");
    }
}
