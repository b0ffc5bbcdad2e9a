/**
 * Spring Boot auto-configuration of ioflow: destinations, integration objects, webhooks and the webhook service
 * from properties under {@code ioflow}, each replaceable by an application bean.
 */
@NullMarked
package dev.ioflow.spring;

import org.jspecify.annotations.NullMarked;
