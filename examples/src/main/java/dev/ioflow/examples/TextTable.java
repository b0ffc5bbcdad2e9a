package dev.ioflow.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns, for terminal output. Cells longer than {@value #MAX_CELL} characters
 * are cut with {@code …}; line breaks in cells become spaces.
 *
 * <pre>{@code
 * String text = TextTable.withColumns("Key", "Status").row("c1", "SUCCESS").render();
 * }</pre>
 *
 * @since 0.1
 */
public final class TextTable {
    static final int MAX_CELL = 70;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    /** A table with these column headers. */
    public static TextTable withColumns(String... headers) {
        return new TextTable(Arrays.asList(headers));
    }

    /**
     * Adds a row; null cells print as {@code -}.
     *
     * @throws IllegalArgumentException when the row has another number of cells than there are columns
     */
    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of this table has " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(clean(cell));
        }
        rows.add(row);
        return this;
    }

    /** How many rows were added. */
    public int size() {
        return rows.size();
    }

    /** The table: header, a rule, then the rows; every line ends with a newline. */
    public String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append("  ").append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String clean(Object cell) {
        String text = cell == null ? "-" : cell.toString().replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 1) + "…";
    }
}
