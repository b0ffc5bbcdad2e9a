package dev.ioflow.cli;

import dev.ioflow.core.DefinitionProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints problems one per line as {@code FILE: PATH: MESSAGE}, or {@code FILE:LINE:COLUMN: MESSAGE} when the
 * problem's path already is a position in the file (ImpEx), so that editors and CI logs can jump to it.
 */
final class ProblemPrinter {
    private final PrintWriter err;

    ProblemPrinter(PrintWriter err) {
        this.err = err;
    }

    void print(Path file, List<DefinitionProblem> problems) {
        String source = DefinitionFileReader.sourceName(file);
        for (DefinitionProblem problem : problems) {
            String path = problem.path();
            if (path.equals(source) || path.startsWith(source + ":")) {
                err.println(file + path.substring(source.length()) + ": " + problem.message());
            } else {
                err.println(file + ": " + path + ": " + problem.message());
            }
        }
    }

    void print(Path file, String message) {
        err.println(file + ": " + message);
    }
}
