/**
 * Tracing: a delivery continues the trace of the change that caused it, through Micrometer Observation and Micrometer
 * Tracing's propagator (the destination receives the W3C {@code traceparent} of the delivery span).
 */
@NullMarked
package dev.ioflow.spring.tracing;

import org.jspecify.annotations.NullMarked;
