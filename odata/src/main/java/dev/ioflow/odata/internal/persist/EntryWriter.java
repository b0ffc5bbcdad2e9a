package dev.ioflow.odata.internal.persist;

import java.io.StringWriter;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderException;
import org.apache.olingo.odata2.api.ep.EntityProviderWriteProperties;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.core.commons.ContentType;
import org.apache.olingo.odata2.core.ep.aggregator.EntityInfoAggregator;
import org.apache.olingo.odata2.core.ep.producer.JsonEntryEntityProducer;

/**
 * Writes one entry as {@link EntityProvider#writeEntry} does, with the same bytes: Atom through it, JSON through the
 * same Olingo producer it uses ({@link JsonEntryEntityProducer}) but into a string. Olingo's JSON provider writes
 * through a buffered writer into a stream buffer of its own (some 30 KB allocated per entry), which its batch writer
 * then copies out again through another 8 KB buffer; an entry of a few hundred bytes cost more in buffers than in
 * writing, which counted in a {@code $batch} that writes every created entity back.
 */
final class EntryWriter {
    private EntryWriter() {
    }

    static ODataResponse write(String contentType, EdmEntitySet set, Map<String, Object> data,
                               EntityProviderWriteProperties properties) throws EntityProviderException {
        if (ContentType.createAsCustom(contentType).getODataFormat() != ContentType.ODataFormat.JSON) {
            return EntityProvider.writeEntry(contentType, set, data, properties);
        }
        EntityInfoAggregator info = EntityInfoAggregator.create(set, properties.getExpandSelectTree());
        JsonEntryEntityProducer producer = new JsonEntryEntityProducer(properties);
        StringWriter writer = new StringWriter(512);
        producer.append(writer, info, data, true);
        return ODataResponse.entity(writer.toString()).eTag(producer.getETag()).idLiteral(producer.getLocation()).build();
    }
}
