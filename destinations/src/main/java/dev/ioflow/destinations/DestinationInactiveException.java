package dev.ioflow.destinations;

/**
 * A call was made to a destination whose {@link ConsumedDestination#active() active} flag is off.
 *
 * @since 0.1
 */
public class DestinationInactiveException extends DestinationException {
    private static final long serialVersionUID = 1L;

    private final String destinationId;

    /**
     * An exception naming the inactive destination.
     *
     * @param destinationId the destination id
     */
    public DestinationInactiveException(String destinationId) {
        super("Destination '" + destinationId + "' is inactive");
        this.destinationId = destinationId;
    }

    /** @return the inactive destination's id */
    public String destinationId() {
        return destinationId;
    }
}
