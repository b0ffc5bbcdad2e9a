package dev.ioflow.odata.internal.olingo;

import dev.ioflow.odata.internal.edm.IoEdmProvider;
import org.apache.olingo.odata2.api.edm.Edm;
import org.apache.olingo.odata2.api.processor.ODataSingleProcessor;
import org.apache.olingo.odata2.core.processor.ODataSingleProcessorService;

/** Olingo's single-processor service over an EDM borrowed from an {@link EdmPool} instead of a fresh one. */
final class PooledEdmService extends ODataSingleProcessorService {
    private final Edm edm;

    PooledEdmService(IoEdmProvider provider, ODataSingleProcessor processor, Edm edm) {
        super(provider, processor);
        this.edm = edm;
    }

    @Override
    public Edm getEntityDataModel() {
        return edm;
    }
}
