/**
 * Micrometer metrics of the webhook service: changes queued, deliveries by outcome, latency, attempts, backlog,
 * oldest pending age and dead letters. Tags are bounded: webhook, integration object, destination and outcome,
 * never an integration key.
 */
@NullMarked
package dev.ioflow.spring.metrics;

import org.jspecify.annotations.NullMarked;
