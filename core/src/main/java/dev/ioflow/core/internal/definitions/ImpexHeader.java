package dev.ioflow.core.internal.definitions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header line: {@code INSERT_UPDATE IntegrationObjectItem; integrationObject(code)[unique=true]; code; ...}.
 *
 * @param mode     the operation
 * @param typeCode the item type as written
 * @param type     the definition type, when the importer reads this type; else empty (the block is skipped)
 * @param fields   per value position of the data lines (0 is the type column): the field it fills, or null
 * @param columns  per value position: the column, or null (type position, unknown or malformed columns)
 * @param line     the header line
 */
record ImpexHeader(Mode mode, String typeCode, Optional<ImpexType> type, List<String> fields,
                   List<ImpexColumn> columns, ImpexLine line) {

    /** ImpEx operations. */
    enum Mode { INSERT, UPDATE, INSERT_UPDATE, REMOVE }

    private static final Pattern MODE_AND_TYPE = Pattern.compile("(\\w+)\\s+([^\\s\\[]+)\\s*(\\[.*])?", Pattern.DOTALL);

    ImpexHeader {
        fields = Collections.unmodifiableList(new ArrayList<>(fields));
        columns = Collections.unmodifiableList(new ArrayList<>(columns));
    }

    /** How many columns the header declares: trailing empty ones (from a trailing {@code ;}) do not count. */
    int declaredColumns() {
        return line.lastNonEmpty();
    }

    /** The operation of a line's first value, if the line is a header. */
    static Optional<Mode> modeOf(ImpexLine line) {
        Matcher m = MODE_AND_TYPE.matcher(line.values().get(0).text());
        if (!m.matches()) {
            return Optional.empty();
        }
        String mode = m.group(1).toUpperCase(Locale.ROOT);
        for (Mode candidate : Mode.values()) {
            if (candidate.name().equals(mode)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Parses a header line whose {@link #modeOf mode} is known, adding problems for columns it cannot use. */
    static ImpexHeader parse(ImpexLine line, Mode mode, Problems problems) {
        ImpexValue first = line.values().get(0);
        Matcher m = MODE_AND_TYPE.matcher(first.text());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a header: " + first.text());
        }
        String typeCode = m.group(2);
        Optional<ImpexType> type = ImpexType.of(typeCode);
        List<String> fields = new ArrayList<>();
        List<ImpexColumn> columns = new ArrayList<>();
        fields.add(null);
        columns.add(null);
        if (type.isPresent() && mode == Mode.REMOVE) {
            problems.impex(first.line(), first.column(), "REMOVE is not supported for " + typeCode
                    + ": definitions are imported, not deleted; supported: INSERT_UPDATE, INSERT, UPDATE");
            return new ImpexHeader(mode, typeCode, Optional.empty(), fields, columns, line);
        }
        boolean malformed = false;
        for (ImpexValue value : line.values().subList(1, line.values().size())) {
            Optional<ImpexColumn> column = type.isEmpty() || value.isEmpty() ? Optional.empty() : ImpexColumn.parse(value, problems);
            malformed |= type.isPresent() && !value.isEmpty() && column.isEmpty();
            Optional<String> field = column.flatMap(c -> type.flatMap(t -> t.field(c.expression())));
            if (column.isPresent() && field.isEmpty()) {
                problems.impex(value.line(), value.column(), "unknown column '" + column.get().expression() + "' for "
                        + typeCode + "; known: " + type.map(ImpexType::columns).orElse(""));
            }
            fields.add(field.orElse(null));
            columns.add(field.isPresent() ? column.get() : null);
        }
        if (type.isEmpty()) {
            reportUnknownType(typeCode, first, problems);
        } else if (lacksKeyColumn(type.get(), fields, first, malformed ? null : problems)) {
            return new ImpexHeader(mode, typeCode, Optional.empty(), fields, columns, line);
        }
        return new ImpexHeader(mode, typeCode, type, fields, columns, line);
    }

    /** Types of other items are skipped, but an integration-object type that cannot be read is a problem. */
    private static void reportUnknownType(String typeCode, ImpexValue at, Problems problems) {
        if (ImpexType.UNSUPPORTED.stream().anyMatch(typeCode::equalsIgnoreCase)) {
            problems.impex(at.line(), at.column(), typeCode + " is not supported: ioflow's integration objects "
                    + "have no class attributes (integration objects over plain classes)");
        } else if (typeCode.regionMatches(true, 0, "IntegrationObject", 0, "IntegrationObject".length())) {
            problems.impex(at.line(), at.column(), "unknown header type '" + typeCode + "'; known: " + String.join(", ",
                    Arrays.stream(ImpexType.values()).map(ImpexType::code).toList()));
        }
    }

    /** Whether a key column is missing; reported unless {@code problems} is null (a malformed column may be it). */
    private static boolean lacksKeyColumn(ImpexType type, List<String> fields, ImpexValue at, Problems problems) {
        List<String> missing = type.keyFields().stream().filter(k -> !fields.contains(k)).toList();
        missing.stream().filter(k -> problems != null).forEach(k -> problems.impex(at.line(), at.column(), "header of " + type.code()
                + " lacks the column " + type.column(k) + ", so its lines are ignored"));
        return !missing.isEmpty();
    }
}
