package dev.ioflow.cli;

import dev.ioflow.core.DefinitionProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints problems one per line as {@code FILE: PATH: MESSAGE}, or {@code FILE:LINE:COLUMN: MESSAGE} when the
 * problem's path already is a position in one of the files (ImpEx, items.xml), so that editors and CI logs can
 * jump to it.
 */
final class ProblemPrinter {
    private final PrintWriter err;

    ProblemPrinter(PrintWriter err) {
        this.err = err;
    }

    void print(Path file, List<DefinitionProblem> problems) {
        print(List.of(file), file.toString(), problems);
    }

    /** Problems of a set of files: positions name their file; other paths are prefixed with {@code label}. */
    void print(List<Path> files, String label, List<DefinitionProblem> problems) {
        for (DefinitionProblem problem : problems) {
            err.println(locate(files, problem.path()).orElse(label + ": " + problem.path()) + ": " + problem.message());
        }
    }

    void print(Path file, String message) {
        err.println(file + ": " + message);
    }

    private static java.util.Optional<String> locate(List<Path> files, String path) {
        for (Path file : files) {
            String source = DefinitionFileReader.sourceName(file);
            if (path.equals(source) || path.startsWith(source + ":")) {
                return java.util.Optional.of(file + path.substring(source.length()));
            }
        }
        return java.util.Optional.empty();
    }
}
