package dev.ioflow.cli;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.ImpexImporter;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectJson;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads definition files in either format: JSON ({@code .json}) or ImpEx ({@code .impex}); any other name is
 * sniffed (a file whose first non-blank character is {@code {} or {@code [} is JSON, anything else ImpEx).
 */
final class DefinitionFileReader {
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
        return isJson(file, text) ? json.read(new StringReader(text), source) : impex.read(new StringReader(text), source);
    }

    /**
     * The integration objects a group of files defines: one JSON file, or ImpEx files read as one set in order.
     *
     * @throws UnreadableInputException when a file is missing, not a file, unreadable or not UTF-8 text
     * @throws DefinitionParseException listing every problem of every file
     */
    List<IntegrationObject> read(List<Path> files) {
        if (files.size() == 1) {
            return read(files.get(0));
        }
        files.forEach(DefinitionFileReader::readText); // unreadable files are exit 2, before any parsing
        return impex.read(files);
    }

    /** The name problems of this file are reported under (what the core readers name a file). */
    static String sourceName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

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
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new UnreadableInputException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UnreadableInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static boolean isJson(Path file, String text) {
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
