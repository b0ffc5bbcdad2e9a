/**
 * The application's JDBC transaction for ioflow: changes recorded inside a Spring-managed transaction are written
 * into it, and committed or rolled back with it.
 */
@NullMarked
package dev.ioflow.spring.jdbc;

import org.jspecify.annotations.NullMarked;
