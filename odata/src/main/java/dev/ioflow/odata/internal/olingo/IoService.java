package dev.ioflow.odata.internal.olingo;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.VirtualAttributeFunction;
import dev.ioflow.core.persistence.IntegrationObjectStore;
import dev.ioflow.odata.internal.edm.IoEdmProvider;
import dev.ioflow.odata.internal.edm.IoModel;
import dev.ioflow.odata.internal.edm.SchemaBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.provider.DataServices;
import org.apache.olingo.odata2.api.edm.provider.Schema;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderException;
import org.apache.olingo.odata2.api.processor.ODataResponse;

/** Everything derived once per integration object: its model, its Olingo schema and its EDMX document. */
public final class IoService {
    private final IoModel model;
    private final Schema schema;
    private final byte[] metadata;
    private final IntegrationObjectStore store;
    private final IoEdmProvider edmProvider;
    private final EdmPool edms;

    public IoService(IntegrationObject io, TypeSystem types, Map<String, VirtualAttributeFunction> virtualFunctions) {
        this.store = IntegrationObjectStore.of(io, types);
        this.model = IoModel.of(io, types, virtualFunctions);
        this.schema = SchemaBuilder.build(model, false);
        this.metadata = writeMetadata(SchemaBuilder.build(model, true));
        this.edmProvider = new IoEdmProvider(schema);
        this.edms = new EdmPool(schema);
    }

    public String code() {
        return model.integrationObject().code();
    }

    /** Reads payloads and applies SAP's upsert, patch, delete and query rules over a unit of work. */
    public IntegrationObjectStore store() {
        return store;
    }

    public IoModel model() {
        return model;
    }

    /** The provider of the schema; stateless. */
    public IoEdmProvider edmProvider() {
        return edmProvider;
    }

    /** Olingo EDMs of this schema for one request at a time each. */
    EdmPool edms() {
        return edms;
    }

    /** The EDMX, as {@code GET $metadata} answers it. */
    public byte[] metadata() {
        return metadata.clone();
    }

    private static byte[] writeMetadata(Schema schema) {
        Map<String, String> namespaces = new HashMap<>();
        namespaces.put(SchemaBuilder.SAP_PREFIX, SchemaBuilder.SAP_NAMESPACE);
        try {
            ODataResponse response = EntityProvider.writeMetadata(
                    new DataServices().setSchemas(List.of(schema)).setDataServiceVersion("2.0"), namespaces);
            Object entity = response.getEntity();
            if (entity instanceof InputStream in) {
                try (in) {
                    return in.readAllBytes();
                }
            }
            return String.valueOf(entity).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (EntityProviderException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot write the EDMX of " + schema.getNamespace(), e));
        }
    }
}
