package dev.ioflow.odata.internal.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.odata.internal.olingo.IoService;
import dev.ioflow.odata.internal.olingo.Responses;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderWriteProperties;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.api.rt.RuntimeDelegate;
import org.junit.jupiter.api.Test;

/** The entry writer answers exactly what Olingo's own {@code EntityProvider.writeEntry} answers. */
class EntryWriterTest {
    private static final IntegrationObject IO = IntegrationObject.builder("InboundCustomer")
            .item("Customer", i -> i.root().attribute("customerId", a -> a.unique()).attribute("email"))
            .build();
    private static final Map<String, Object> DATA = Map.of("customerId", "Müller €'1", "email", "m\"ü@example.org\n",
            "integrationKey", "Müller €'1");
    private static final EntityProviderWriteProperties PROPERTIES =
            EntityProviderWriteProperties.serviceRoot(URI.create("http://localhost/odata2webservices/InboundCustomer/")).build();

    private final EdmEntitySet customers;

    EntryWriterTest() throws Exception {
        IoService service = new IoService(IO, MapTypeSystem.derivedFrom(IO), Map.of());
        customers = RuntimeDelegate.createEdm(service.edmProvider()).getDefaultEntityContainer().getEntitySet("Customers");
    }

    @Test
    void jsonEntriesHaveOlingosBytesLocationAndETagEntryAfterEntry() throws Exception {
        EntryWriter writer = new EntryWriter();
        for (String type : new String[] {"application/json", "application/json", "application/json;odata=verbose",
                "application/atom+xml", "application/json;charset=utf-8"}) {
            ODataResponse olingo = EntityProvider.writeEntry(type, customers, DATA, PROPERTIES);
            ODataResponse written = writer.write(type, customers, DATA, PROPERTIES);
            if (type.contains("atom")) {
                continue;
            }
            assertThat(written.getIdLiteral()).isEqualTo(olingo.getIdLiteral());
            assertThat(written.getETag()).isEqualTo(olingo.getETag());
            String text = new String(Responses.bytes(written.getEntity()), StandardCharsets.UTF_8);
            assertThat(text).isEqualTo(new String(Responses.bytes(olingo.getEntity()), StandardCharsets.UTF_8))
                    .contains("\"customerId\":\"Müller €'1\"");
        }
    }

    @Test
    void atomEntriesAreOlingosOwn() throws Exception {
        ODataResponse written = new EntryWriter().write("application/atom+xml", customers, DATA, PROPERTIES);
        String atom = new String(Responses.bytes(written.getEntity()), StandardCharsets.UTF_8);
        assertThat(atom).startsWith("<?xml").contains("<d:customerId>Müller €'1</d:customerId>");
        assertThat(written.getIdLiteral()).isEqualTo(EntityProvider.writeEntry("application/atom+xml", customers, DATA,
                PROPERTIES).getIdLiteral());
    }
}
