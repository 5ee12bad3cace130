package org.tirelire.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrenchCsvTest {

    @Test
    void amounts_use_a_decimal_comma() {
        assertThat(FrenchCsv.decimal(123456)).isEqualTo("1234,56");
        assertThat(FrenchCsv.decimal(5)).isEqualTo("0,05");
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertThat(FrenchCsv.cell("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK");
        assertThat(FrenchCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void separators_quotes_and_line_breaks_stay_inside_their_cell() {
        assertThat(FrenchCsv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(FrenchCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(FrenchCsv.cell("line1\nline2")).isEqualTo("\"line1\nline2\"");
    }
}
