package dev.ioflow.cli;

import dev.ioflow.core.IoflowException;

/** An input file is missing, not a regular file, or cannot be read: exit code 2. */
final class UnreadableInputException extends IoflowException {
    private static final long serialVersionUID = 1L;

    UnreadableInputException(String message) {
        super(message);
    }

    UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
