package dev.ioflow.cli;

/** The tool's exit codes, the same for every command. */
final class ExitCodes {
    /** Everything was valid (or was done). */
    static final int OK = 0;
    /** A definition or item is invalid: every problem was printed. */
    static final int INVALID = 1;
    /** An input could not be read, or the command line was wrong. */
    static final int UNREADABLE = 2;

    private ExitCodes() {
    }
}
