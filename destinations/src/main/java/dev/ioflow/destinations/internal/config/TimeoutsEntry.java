package dev.ioflow.destinations.internal.config;

import jakarta.validation.constraints.Pattern;

/** The {@code timeouts} object of a destination: ISO-8601 durations such as {@code PT20S}. */
public record TimeoutsEntry(
        @Pattern(regexp = ISO_DURATION, message = ISO_MESSAGE) String connect,
        @Pattern(regexp = ISO_DURATION, message = ISO_MESSAGE) String read,
        @Pattern(regexp = ISO_DURATION, message = ISO_MESSAGE) String call) {

    /** A positive ISO-8601 duration of days, hours, minutes and seconds. */
    static final String ISO_DURATION = "P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?";
    static final String ISO_MESSAGE = "must be an ISO-8601 duration such as PT20S";
}
