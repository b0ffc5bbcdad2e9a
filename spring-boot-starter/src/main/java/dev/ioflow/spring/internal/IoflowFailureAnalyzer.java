package dev.ioflow.spring.internal;

import dev.ioflow.spring.IoflowConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad ioflow setting into Boot's start-up report: what is wrong, and which property to fix. */
public final class IoflowFailureAnalyzer extends AbstractFailureAnalyzer<IoflowConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IoflowConfigurationException cause) {
        return new FailureAnalysis("ioflow is misconfigured: " + cause.getMessage(),
                "Fix the property '" + cause.property() + "' (application.yml/properties, environment or another"
                        + " property source), or replace the bean it configures with your own.", cause);
    }
}
