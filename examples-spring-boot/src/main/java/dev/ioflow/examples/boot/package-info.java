/**
 * The seed scenario as a Spring Boot application: customers sign up at {@code POST /customers}; the sign-up and its
 * change for Emarsys are written in one transaction and delivered after the commit.
 */
@NullMarked
package dev.ioflow.examples.boot;

import org.jspecify.annotations.NullMarked;
