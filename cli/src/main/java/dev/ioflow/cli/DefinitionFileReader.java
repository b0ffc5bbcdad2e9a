package dev.ioflow.cli;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.ImpexImporter;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectJson;
import dev.ioflow.core.DefinitionProblem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads definition files in either format: JSON ({@code .json}) or ImpEx ({@code .impex}); any other name is
 * sniffed (a file whose first non-blank character, after a byte order mark, is {@code {} or {@code [} is JSON,
 * anything else ImpEx). A JSON file must not define two integration objects with the same code (ImpEx merges
 * rows with the same key), nor hold text with a lone surrogate.
 */
final class DefinitionFileReader {
    /** The largest input file read: beyond it, reading would risk the heap for no definition or item anyone writes. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final IntegrationObjectJson json = IntegrationObjectJson.create();
    private final ImpexImporter impex = ImpexImporter.create();

    /**
     * The integration objects the file defines.
     *
     * @throws UnreadableInputException when the file is missing, not a file, unreadable or not UTF-8 text
     * @throws DefinitionParseException listing every problem of a malformed definition
     */
    List<IntegrationObject> read(Path file) {
        String text = readText(file);
        String source = sourceName(file);
        if (!isJson(file, text)) {
            return impex.read(new StringReader(text), source);
        }
        List<DefinitionProblem> problems = JsonInputScan.problems(text, source, true);
        if (!problems.isEmpty()) {
            throw new DefinitionParseException(source, problems);
        }
        return json.read(new StringReader(text), source);
    }

    /** The name problems of this file are reported under (what the core readers name a file). */
    static String sourceName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /**
     * The UTF-8 text of the file, without a leading byte order mark.
     *
     * @throws UnreadableInputException when the file is missing, not a file, unreadable, larger than
     *                                  {@value #MAX_FILE_BYTES} bytes, or not UTF-8 (the message names the line)
     */
    static String readText(Path file) {
        if (!Files.exists(file)) {
            throw new UnreadableInputException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UnreadableInputException(file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new UnreadableInputException(file + ": not readable (permission denied)");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UnreadableInputException(file + ": larger than " + MAX_FILE_BYTES + " bytes, too large to read");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        String text = decodeUtf8(file, bytes);
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** Strict UTF-8 decoding; malformed input is reported at its line and byte. */
    private static String decodeUtf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new UnreadableInputException(String.format("%s:%d: not UTF-8 text: byte 0x%02X (byte %d of the line)"
                    + " does not start a valid UTF-8 sequence", file, line, bytes[at] & 0xFF, at - lineStart + 1));
        }
        return out.flip().toString();
    }

    private static boolean isJson(Path file, String text) {
        String name = sourceName(file).toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".impex")) {
            return false;
        }
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }
}
