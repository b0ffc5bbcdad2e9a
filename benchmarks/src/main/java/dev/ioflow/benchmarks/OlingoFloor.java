package dev.ioflow.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.core.persistence.IntegrationObjectStore;
import dev.ioflow.core.persistence.UnitOfWork;
import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.olingo.odata2.api.ODataService;
import org.apache.olingo.odata2.api.ODataServiceFactory;
import org.apache.olingo.odata2.api.batch.BatchHandler;
import org.apache.olingo.odata2.api.batch.BatchRequestPart;
import org.apache.olingo.odata2.api.batch.BatchResponsePart;
import org.apache.olingo.odata2.api.commons.HttpStatusCodes;
import org.apache.olingo.odata2.api.commons.ODataHttpMethod;
import org.apache.olingo.odata2.api.edm.provider.EdmProvider;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderBatchProperties;
import org.apache.olingo.odata2.api.ep.EntityProviderWriteProperties;
import org.apache.olingo.odata2.api.exception.ODataException;
import org.apache.olingo.odata2.api.processor.ODataContext;
import org.apache.olingo.odata2.api.processor.ODataRequest;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.api.processor.ODataSingleProcessor;
import org.apache.olingo.odata2.api.rt.RuntimeDelegate;
import org.apache.olingo.odata2.api.uri.PathSegment;
import org.apache.olingo.odata2.api.uri.info.PostUriInfo;
import org.apache.olingo.odata2.core.ODataContextImpl;
import org.apache.olingo.odata2.core.ODataPathSegmentImpl;
import org.apache.olingo.odata2.core.ODataRequestHandler;
import org.apache.olingo.odata2.core.PathInfoImpl;
import org.apache.olingo.odata2.core.edm.provider.EdmxProvider;

/**
 * What Apache Olingo V2 alone costs per {@code $batch} item: the same request body through Olingo's own request
 * handler, batch parser, dispatcher and batch response writer, in process, with a processor that does only what
 * Olingo requires: each change set in one unit of work, each entity parsed by Jackson and upserted by the same
 * {@link IntegrationObjectStore}, answered 201, without a body or (with {@code writeBack}) with the created entry
 * ({@code entry} gives its properties) written by Olingo's {@link EntityProvider#writeEntry}. The EDM is the one ioflow's {@code $metadata} declares,
 * built once per measure (as ioflow keeps its EDMs between requests).
 */
final class OlingoFloor {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IntegrationObjectStore store;
    private final String item;
    private final InMemoryItemRepository repository = new InMemoryItemRepository();
    private final boolean writeBack;
    private final Function<Object, Map<String, Object>> entry;
    private final URI root;
    private final Factory factory;
    private final ODataService service;

    OlingoFloor(IntegrationObjectStore store, String item, byte[] metadata, URI root, boolean writeBack,
                Function<Object, Map<String, Object>> entry) throws Exception {
        this.store = store;
        this.entry = entry;
        this.item = item;
        this.root = root;
        this.writeBack = writeBack;
        EdmProvider provider = new EdmxProvider().parse(new ByteArrayInputStream(metadata), false);
        this.service = RuntimeDelegate.createODataSingleProcessorService(provider, new Processor());
        this.factory = new Factory();
    }

    /** Handles one {@code $batch} request as ioflow's bridge drives Olingo, and returns the response body (Olingo writes it as text). */
    String batch(String contentType, byte[] body) throws Exception {
        PathInfoImpl pathInfo = new PathInfoImpl();
        pathInfo.setServiceRoot(root);
        pathInfo.setRequestUri(root.resolve("$batch"));
        pathInfo.setPrecedingPathSegment(List.of());
        pathInfo.setODataPathSegment(List.<PathSegment>of(new ODataPathSegmentImpl("$batch", null)));
        ODataRequest request = ODataRequest.method(ODataHttpMethod.POST).httpMethod("POST").contentType(contentType)
                .acceptHeaders(new ArrayList<>()).acceptableLanguages(new ArrayList<>()).pathInfo(pathInfo)
                .allQueryParameters(new HashMap<>()).requestHeaders(Map.of("Content-Type", List.of(contentType)))
                .body(new ByteArrayInputStream(body)).build();
        ODataContextImpl context = new ODataContextImpl(request, factory);
        context.setService(service);
        service.getProcessor().setContext(context);
        ODataResponse response = new ODataRequestHandler(factory, service, context).handle(request);
        if (response.getStatus() != HttpStatusCodes.ACCEPTED) {
            throw new IllegalStateException("Olingo $batch failed: " + response.getStatus());
        }
        return String.valueOf(response.getEntity());
    }

    private final class Factory extends ODataServiceFactory {
        @Override
        public ODataService createService(ODataContext context) {
            return service;
        }
    }

    /** The minimum: batch parts to Olingo's batch handler, each change set one unit of work, each create one upsert. */
    private final class Processor extends ODataSingleProcessor {
        private UnitOfWork work;

        @Override
        public ODataResponse executeBatch(BatchHandler handler, String contentType, InputStream content) throws ODataException {
            List<BatchRequestPart> parts = EntityProvider.parseBatchRequest(contentType, content,
                    EntityProviderBatchProperties.init().pathInfo(getContext().getPathInfo()).build());
            List<BatchResponsePart> responses = new ArrayList<>();
            for (BatchRequestPart part : parts) {
                responses.add(handler.handleBatchPart(part));
            }
            return EntityProvider.writeBatchResponse(responses);
        }

        @Override
        public BatchResponsePart executeChangeSet(BatchHandler handler, List<ODataRequest> requests) throws ODataException {
            List<ODataResponse> responses = new ArrayList<>();
            try (UnitOfWork unit = repository.begin()) {
                work = unit;
                for (ODataRequest request : requests) {
                    responses.add(handler.handleRequest(request));
                }
                unit.commit();
            }
            return BatchResponsePart.responses(responses).changeSet(true).build();
        }

        @Override
        public ODataResponse createEntity(PostUriInfo uri, InputStream content, String requestContentType, String contentType)
                throws ODataException {
            Object stored;
            try (content) {
                stored = store.upsert(work, store.reader().read(item, MAPPER.readTree(content.readAllBytes())));
            } catch (IOException e) {
                throw new ODataException(e);
            }
            if (!writeBack) {
                return ODataResponse.status(HttpStatusCodes.CREATED).build();
            }
            Map<String, Object> data = new HashMap<>(entry.apply(stored));
            data.put("integrationKey", store.integrationKey(item, stored));
            ODataResponse written = EntityProvider.writeEntry(contentType, uri.getTargetEntitySet(), data,
                    EntityProviderWriteProperties.serviceRoot(root).build());
            return ODataResponse.fromResponse(written).status(HttpStatusCodes.CREATED).build();
        }
    }
}
