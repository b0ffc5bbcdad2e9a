package dev.ioflow.core.internal.definitions;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IoflowException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/** What reading definitions from files has in common, whatever the format. */
public final class DefinitionFiles {
    private DefinitionFiles() {
    }

    /** The name a file goes by in problems: its file name. */
    public static String sourceName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /**
     * Reads a UTF-8 file with a reader that takes a source name.
     *
     * @throws IoflowException when the file cannot be read
     */
    public static List<IntegrationObject> read(Path file, BiFunction<Reader, String, List<IntegrationObject>> parse) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse.apply(reader, sourceName(file));
        } catch (IOException e) {
            throw new IoflowException("cannot read definition file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The text of a UTF-8 file.
     *
     * @throws IoflowException when the file cannot be read
     */
    public static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IoflowException("cannot read definition file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The only integration object of a source.
     *
     * @throws DefinitionParseException when there is none or more than one
     */
    public static IntegrationObject single(List<IntegrationObject> ios, String sourceName) {
        if (ios.size() != 1) {
            throw new DefinitionParseException(sourceName, List.of(new DefinitionProblem(sourceName,
                    "expected exactly one integration object but found " + ios.size()
                            + (ios.isEmpty() ? "" : ": " + ios.stream().map(IntegrationObject::code).toList()))));
        }
        return ios.get(0);
    }
}
