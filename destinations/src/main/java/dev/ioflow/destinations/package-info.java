/**
 * Consumed destinations (URL + credential), credentials and the HTTP sender.
 */
package dev.ioflow.destinations;
