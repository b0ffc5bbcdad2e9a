package dev.ioflow.destinations;

import java.util.List;

/**
 * No destination with the requested id is registered.
 *
 * @since 0.1
 */
public class UnknownDestinationException extends DestinationException {
    private static final long serialVersionUID = 1L;

    private final String destinationId;
    private final List<String> knownIds;

    /**
     * An exception naming the unknown id and the known ones.
     *
     * @param destinationId the id asked for
     * @param knownIds the registered ids
     */
    public UnknownDestinationException(String destinationId, List<String> knownIds) {
        super("Unknown destination '" + destinationId + "'; known destinations: " + knownIds);
        this.destinationId = destinationId;
        this.knownIds = List.copyOf(knownIds);
    }

    /** @return the id asked for */
    public String destinationId() {
        return destinationId;
    }

    /** @return the registered ids */
    public List<String> knownIds() {
        return knownIds;
    }
}
