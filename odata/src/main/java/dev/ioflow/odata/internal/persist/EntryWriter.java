package dev.ioflow.odata.internal.persist;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderException;
import org.apache.olingo.odata2.api.ep.EntityProviderWriteProperties;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.core.commons.ContentType;
import org.apache.olingo.odata2.core.ep.aggregator.EntityInfoAggregator;
import org.apache.olingo.odata2.core.ep.producer.JsonEntryEntityProducer;
import org.jspecify.annotations.Nullable;

/**
 * Writes one entry as {@link EntityProvider#writeEntry} does, with the same bytes: Atom through it, JSON through the
 * same Olingo producer it uses ({@link JsonEntryEntityProducer}) but into a string. Olingo's JSON provider writes
 * through a buffered writer into a stream buffer of its own (some 30 KB allocated per entry), which its batch writer
 * then copies out again through another 8 KB buffer; an entry of a few hundred bytes cost more in buffers than in
 * writing, which counted in a {@code $batch} that writes every created entity back. A writer also keeps what Olingo
 * derives per entity set and content type between the entries of one request.
 */
final class EntryWriter {
    /** The last content type asked for and whether it is JSON: a batch's operations mostly ask for the same. */
    private @Nullable String lastContentType;
    private boolean lastJson;
    /** What Olingo derives from an entity set for writing, kept for the entries of the set without $expand/$select. */
    private final Map<EdmEntitySet, EntityInfoAggregator> plain = new HashMap<>();

    /** Writes through this writer keep their derived data: use one per request (its EDM), from one thread. */
    EntryWriter() {
    }

    ODataResponse write(String contentType, EdmEntitySet set, Map<String, Object> data,
                        EntityProviderWriteProperties properties) throws EntityProviderException {
        if (!isJson(contentType)) {
            return EntityProvider.writeEntry(contentType, set, data, properties);
        }
        EntityInfoAggregator info = properties.getExpandSelectTree() != null
                ? EntityInfoAggregator.create(set, properties.getExpandSelectTree()) : info(set);
        JsonEntryEntityProducer producer = new JsonEntryEntityProducer(properties);
        StringWriter writer = new StringWriter(512);
        producer.append(writer, info, data, true);
        return ODataResponse.entity(writer.toString()).eTag(producer.getETag()).idLiteral(producer.getLocation()).build();
    }

    private boolean isJson(String contentType) {
        if (!contentType.equals(lastContentType)) {
            lastJson = ContentType.createAsCustom(contentType).getODataFormat() == ContentType.ODataFormat.JSON;
            lastContentType = contentType;
        }
        return lastJson;
    }

    private EntityInfoAggregator info(EdmEntitySet set) throws EntityProviderException {
        EntityInfoAggregator info = plain.get(set);
        if (info == null) {
            info = EntityInfoAggregator.create(set, null);
            plain.put(set, info);
        }
        return info;
    }
}
