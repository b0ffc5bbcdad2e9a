package dev.ioflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsColumnsUnderTheirHeaders() {
        String text = TextTable.withColumns("Key", "Status").row("c1", "SUCCESS").row("c10", null).render();

        assertThat(text).isEqualTo("""
                  Key  Status
                  ---  -------
                  c1   SUCCESS
                  c10  -
                """);
    }

    @Test
    void cutsLongCellsAndFlattensLineBreaks() {
        String text = TextTable.withColumns("Detail").row("a\nb " + "x".repeat(100)).render();

        String row = text.lines().skip(2).findFirst().orElseThrow();
        assertThat(row.strip()).startsWith("a b xxx").endsWith("…").hasSize(TextTable.MAX_CELL);
    }

    @Test
    void refusesARowWithTheWrongNumberOfCells() {
        assertThatThrownBy(() -> TextTable.withColumns("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a row of this table has 2 cells, got 1");
    }
}
