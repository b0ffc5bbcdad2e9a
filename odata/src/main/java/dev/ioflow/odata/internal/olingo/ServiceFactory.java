package dev.ioflow.odata.internal.olingo;

import org.apache.olingo.odata2.api.ODataCallback;
import org.apache.olingo.odata2.api.ODataService;
import org.apache.olingo.odata2.api.ODataServiceFactory;
import org.apache.olingo.odata2.api.processor.ODataContext;
import org.apache.olingo.odata2.api.processor.ODataErrorCallback;

/** One per request: Olingo asks it for the service (schema + processor) and for the error callback. */
final class ServiceFactory extends ODataServiceFactory {
    private static final SapErrorCallback ERRORS = new SapErrorCallback();
    private final Exchange exchange;
    private final ProcessorFactory processors;

    ServiceFactory(Exchange exchange, ProcessorFactory processors) {
        this.exchange = exchange;
        this.processors = processors;
    }

    @Override
    public ODataService createService(ODataContext context) {
        return createODataSingleProcessorService(exchange.service().edmProvider(), processors.create(exchange));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends ODataCallback> T getCallback(Class<T> type) {
        return type.isAssignableFrom(ODataErrorCallback.class) ? (T) ERRORS : null;
    }
}
