/**
 * Spring Boot Actuator support: the {@code ioflow} health indicator and the {@code ioflow} endpoint that lists and
 * replays dead letters. Active when Actuator is on the class path and a webhook service exists.
 */
@NullMarked
package dev.ioflow.spring.actuate;

import org.jspecify.annotations.NullMarked;
