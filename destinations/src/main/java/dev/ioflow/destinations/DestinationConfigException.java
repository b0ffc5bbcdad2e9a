package dev.ioflow.destinations;

import java.util.List;

/**
 * A destination configuration is invalid: in code ({@link ConsumedDestination.Builder#build()},
 * {@link DestinationRegistry.Builder#build()}) or in a JSON file ({@link DestinationRegistry#load}). Carries
 * every problem found, each naming the destination and the field path (for example
 * {@code destinations[emarsys].credential.clientSecret}) and never a secret value.
 *
 * @since 0.1
 */
public class DestinationConfigException extends DestinationException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * An exception listing problems.
     *
     * @param problems one message per problem, each with its path; not empty
     */
    public DestinationConfigException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * An exception for a single problem.
     *
     * @param problem the problem, with its path
     */
    public DestinationConfigException(String problem) {
        this(List.of(problem));
    }

    /**
     * Every problem found, in the order found.
     *
     * @return the problems, each naming its path
     */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return "Invalid destination configuration: " + problems.get(0);
        }
        return "Invalid destination configuration (" + problems.size() + " problems):\n - " + String.join("\n - ", problems);
    }
}
