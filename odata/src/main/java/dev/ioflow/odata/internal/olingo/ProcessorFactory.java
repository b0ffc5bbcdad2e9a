package dev.ioflow.odata.internal.olingo;

import org.apache.olingo.odata2.api.processor.ODataSingleProcessor;

/** Makes the processor that answers one request. */
@FunctionalInterface
public interface ProcessorFactory {
    ODataSingleProcessor create(Exchange exchange);
}
