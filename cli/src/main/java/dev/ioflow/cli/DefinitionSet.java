package dev.ioflow.cli;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.IntegrationObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Definition files read together: one JSON file, or every ImpEx file of the command line read as one set, in
 * order, as SAP Commerce imports them (a later file may use an earlier one's integration objects and virtual
 * attribute descriptors).
 *
 * @param files the files, in command-line order
 * @param ios   the integration objects they define
 */
record DefinitionSet(List<Path> files, List<IntegrationObject> ios) {

    /** The files as they are named in messages: {@code a.impex, b.impex}. */
    String label() {
        return files.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /** Groups the files: each JSON (or unreadable) file alone, all ImpEx files as one set placed where the first one is. */
    static List<List<Path>> groups(List<Path> files) {
        List<List<Path>> groups = new ArrayList<>();
        List<Path> impex = null;
        for (Path file : files) {
            if (!isImpex(file)) {
                groups.add(List.of(file));
            } else if (impex == null) {
                impex = new ArrayList<>(List.of(file));
                groups.add(impex);
            } else {
                impex.add(file);
            }
        }
        return groups;
    }

    /** An unreadable file is a group of its own, so that reading it reports it. */
    private static boolean isImpex(Path file) {
        try {
            return !DefinitionFileReader.isJson(file, DefinitionFileReader.readText(file));
        } catch (UnreadableInputException e) {
            return false;
        }
    }

    /**
     * Reads a group.
     *
     * @throws DefinitionParseException listing every problem of the group's files
     * @throws UnreadableInputException when a file cannot be read
     */
    static DefinitionSet read(List<Path> group, DefinitionFileReader reader) {
        return new DefinitionSet(List.copyOf(group), reader.read(group));
    }
}
