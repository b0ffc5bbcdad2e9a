package dev.ioflow.core.internal.definitions;

import dev.ioflow.core.internal.definitions.ImpexHeader.Mode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of the definition blocks, merged by key as ImpEx would store them: an {@code INSERT_UPDATE} of an
 * existing key updates the values it gives, {@code INSERT} must be new and {@code UPDATE} must not be.
 * Rows keep the order in which their key first appears.
 */
final class ImpexRows {
    private final Problems problems;
    private final Map<List<String>, Row> rows = new LinkedHashMap<>();

    /**
     * One definition row: its cells by field (only non-empty values, defaults applied).
     *
     * @param type  the definition type
     * @param cells the values by field
     * @param line  where the row was first given
     */
    record Row(ImpexType type, Map<String, ImpexValue> cells, int line) {

        /** The cell's text, or null when empty. */
        String text(String field) {
            ImpexValue value = cells.get(field);
            return value == null ? null : value.text();
        }
    }

    ImpexRows(Problems problems) {
        this.problems = problems;
    }

    /** The rows of these types, in order. */
    List<Row> of(ImpexType... types) {
        List<ImpexType> wanted = List.of(types);
        return rows.values().stream().filter(r -> wanted.contains(r.type())).toList();
    }

    /** Adds a data line of a block whose header has a definition type. */
    void add(ImpexHeader header, ImpexLine line) {
        ImpexType type = header.type().orElseThrow();
        reportExtraValues(header, line);
        Map<String, ImpexValue> cells = new LinkedHashMap<>();
        List<String> malformed = new ArrayList<>();
        for (int i = 1; i < header.fields().size(); i++) {
            String field = header.fields().get(i);
            ImpexValue value = field == null ? null : line.value(i);
            Optional<ImpexValue> cell = field == null ? Optional.empty() : cell(header.columns().get(i), field, value);
            cell.ifPresentOrElse(c -> cells.put(field, c), () -> {
                if (value != null && !value.isEmpty()) {
                    malformed.add(field);
                }
            });
        }
        List<String> key = new ArrayList<>(List.of(type.name()));
        for (String keyField : type.keyFields()) {
            if (malformed.contains(keyField)) {
                return;
            }
            if (!cells.containsKey(keyField)) {
                ImpexValue at = line.value(header.fields().indexOf(keyField));
                problems.impex(at.line(), at.column(), "missing value for " + type.column(keyField) + " of " + type.code());
                return;
            }
            key.add(cells.get(keyField).text());
        }
        store(header, key, new Row(type, cells, line.line()));
    }

    private void store(ImpexHeader header, List<String> key, Row row) {
        Row existing = rows.get(key);
        ImpexValue at = row.cells().get(row.type().keyFields().get(0));
        String described = row.type().code() + " " + String.join(":", key.subList(1, key.size()));
        if (existing != null && header.mode() == Mode.INSERT) {
            ImpexValue first = existing.cells().get(row.type().keyFields().get(0));
            String where = first.source().equals(at.source()) ? "line " + existing.line() : first.source() + ":" + existing.line();
            problems.impex(at, "INSERT of " + described + ", which " + where + " already defines");
        } else if (existing == null && header.mode() == Mode.UPDATE) {
            problems.impex(at.line(), at.column(), "UPDATE of " + described + ", which no line before defines");
        } else if (existing != null) {
            existing.cells().putAll(row.cells());
        } else {
            rows.put(key, row);
        }
    }

    private Optional<ImpexValue> cell(ImpexColumn column, String field, ImpexValue value) {
        ImpexValue filled = value.isEmpty() && column.defaultValue().isPresent()
                ? value.withText(column.defaultValue().get()) : value;
        if (filled.isEmpty()) {
            return Optional.empty();
        }
        if (ImpexType.TWO_PART_REFERENCES.contains(field)) {
            String[] parts = filled.text().split(":", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                problems.impex(filled.line(), filled.column(), "expected two values separated by ':' for column "
                        + column.expression() + ", e.g. 'ioCustomer:Customer', but found '" + filled.text() + "'");
                return Optional.empty();
            }
            return Optional.of(filled.withText(parts[0].strip() + ":" + parts[1].strip()));
        }
        return Optional.of(filled);
    }

    private void reportExtraValues(ImpexHeader header, ImpexLine line) {
        int last = line.lastNonEmpty();
        for (int i = header.declaredColumns() + 1; i <= last; i++) {
            ImpexValue extra = line.values().get(i);
            if (!extra.isEmpty()) {
                problems.impex(extra.line(), extra.column(), "line has " + last + " values but the "
                        + header.typeCode() + " header at line " + header.line().line() + " has "
                        + header.declaredColumns() + (header.declaredColumns() == 1 ? " column" : " columns")
                        + ": '" + extra.text() + "' has no column");
                return;
            }
        }
    }
}
