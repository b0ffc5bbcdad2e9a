/**
 * Inbound: ioflow's OData V2 services mounted in the application's servlet container at
 * {@code /odata2webservices/*}, secured by Spring Security when the application has it.
 */
@NullMarked
package dev.ioflow.spring.odata;

import org.jspecify.annotations.NullMarked;
