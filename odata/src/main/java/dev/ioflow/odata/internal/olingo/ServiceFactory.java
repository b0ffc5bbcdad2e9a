package dev.ioflow.odata.internal.olingo;

import org.apache.olingo.odata2.api.ODataCallback;
import org.apache.olingo.odata2.api.ODataService;
import org.apache.olingo.odata2.api.ODataServiceFactory;
import org.apache.olingo.odata2.api.edm.Edm;
import org.apache.olingo.odata2.api.processor.ODataContext;
import org.apache.olingo.odata2.api.processor.ODataErrorCallback;

/** One per request: Olingo asks it for the service (the request's EDM + processor) and for the error callback. */
final class ServiceFactory extends ODataServiceFactory {
    private static final SapErrorCallback ERRORS = new SapErrorCallback();
    private final Exchange exchange;
    private final ProcessorFactory processors;
    private final Edm edm;

    ServiceFactory(Exchange exchange, ProcessorFactory processors, Edm edm) {
        this.exchange = exchange;
        this.processors = processors;
        this.edm = edm;
    }

    @Override
    public ODataService createService(ODataContext context) {
        return new PooledEdmService(exchange.service().edmProvider(), processors.create(exchange), edm);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends ODataCallback> T getCallback(Class<T> type) {
        return type.isAssignableFrom(ODataErrorCallback.class) ? (T) ERRORS : null;
    }
}
