package dev.ioflow.core.internal.definitions;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits ImpEx text into logical lines of values. Handles {@code #} comment lines, blank lines,
 * {@code $macro=value} definitions (expanded in later values, longest name first), a trailing {@code \}
 * that continues a line, and double-quoted values ({@code ""} is a quote; a quoted value may contain
 * {@code ;} and line breaks). Unquoted values are trimmed; quoted ones are kept as written.
 */
final class ImpexScanner {
    private final String text;
    private final Problems problems;
    private final ImpexMacros macros = new ImpexMacros();
    private int pos;
    private int line = 1;
    private int column = 1;

    ImpexScanner(String text, Problems problems) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        this.text = unified.startsWith("\uFEFF") ? unified.substring(1) : unified;
        this.problems = problems;
    }

    /** Every header and data line, in order. Stops at an unterminated quote (a problem is added). */
    List<ImpexLine> lines() {
        List<ImpexLine> lines = new ArrayList<>();
        while (pos < text.length()) {
            skipBlanks();
            if (pos >= text.length()) {
                break;
            } else if (peek() == '\n') {
                advance();
            } else if (peek() == '#') {
                skipPhysicalLine();
            } else if (peek() == '$' && ImpexMacros.isDefinition(restOfPhysicalLine())) {
                if (!define()) {
                    break;
                }
            } else if (!readValues(lines)) {
                break;
            }
        }
        return lines;
    }

    /** Defines the macro at the position; false (a problem is added) when it goes beyond a bound of expansion. */
    private boolean define() {
        int defineLine = line;
        int defineColumn = column;
        try {
            macros.define(readRaw());
            return true;
        } catch (ImpexMacros.LimitException e) {
            problems.impex(defineLine, defineColumn, e.getMessage());
            return false;
        }
    }

    /** Reads the values of one logical line; false when an unterminated quote or a bound of macro expansion ended the text. */
    private boolean readValues(List<ImpexLine> lines) {
        int startLine = line;
        List<ImpexValue> values = new ArrayList<>();
        while (true) {
            skipBlanks();
            int valueLine = line;
            int valueColumn = column;
            StringBuilder quoted = new StringBuilder();
            if (pos < text.length() && peek() == '"' && !readQuoted(quoted)) {
                return false;
            }
            StringBuilder unquoted = new StringBuilder();
            readUnquoted(unquoted);
            try {
                values.add(new ImpexValue(macros.expand(quoted + unquoted.toString().strip()), valueLine, valueColumn));
            } catch (ImpexMacros.LimitException e) {
                problems.impex(valueLine, valueColumn, e.getMessage());
                return false;
            }
            if (pos < text.length() && peek() == ';') {
                advance();
            } else {
                if (pos < text.length()) {
                    advance();
                }
                lines.add(new ImpexLine(values, startLine));
                return true;
            }
        }
    }

    private boolean readQuoted(StringBuilder value) {
        int openLine = line;
        int openColumn = column;
        advance();
        while (pos < text.length()) {
            char c = advance();
            if (c != '"') {
                value.append(c);
            } else if (pos < text.length() && peek() == '"') {
                value.append('"');
                advance();
            } else {
                return true;
            }
        }
        problems.impex(openLine, openColumn, "unterminated quoted value: the quote opened here is never closed");
        return false;
    }

    /** Reads up to the next {@code ;} or line end, joining lines that end with a {@code \}. */
    private void readUnquoted(StringBuilder value) {
        while (pos < text.length() && peek() != ';' && peek() != '\n') {
            if (peek() == '\\' && isContinuation()) {
                skipPhysicalLine();
            } else {
                value.append(advance());
            }
        }
    }

    /** A raw logical line (for macro definitions), joining continuations. */
    private String readRaw() {
        StringBuilder raw = new StringBuilder();
        while (pos < text.length() && peek() != '\n') {
            if (peek() == '\\' && isContinuation()) {
                skipPhysicalLine();
            } else {
                raw.append(advance());
            }
        }
        return raw.toString();
    }

    /** Whether the backslash at the position is followed only by blanks up to the line end. */
    private boolean isContinuation() {
        int i = pos + 1;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i >= text.length() || text.charAt(i) == '\n';
    }

    private String restOfPhysicalLine() {
        int end = text.indexOf('\n', pos);
        return text.substring(pos, end < 0 ? text.length() : end);
    }

    private void skipPhysicalLine() {
        while (pos < text.length() && advance() != '\n') {
            // consume up to and including the line break
        }
    }

    private void skipBlanks() {
        while (pos < text.length() && (peek() == ' ' || peek() == '\t')) {
            advance();
        }
    }

    private char peek() {
        return text.charAt(pos);
    }

    private char advance() {
        char c = text.charAt(pos++);
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return c;
    }
}
