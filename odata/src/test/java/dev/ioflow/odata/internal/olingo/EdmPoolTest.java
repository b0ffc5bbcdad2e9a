package dev.ioflow.odata.internal.olingo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.Edm;
import org.junit.jupiter.api.Test;

/** Requests reuse Olingo EDMs, but never share one while both run. */
class EdmPoolTest {
    private static final IntegrationObject IO = IntegrationObject.builder("InboundCustomer")
            .item("Customer", i -> i.root().attribute("customerId", a -> a.unique()).attribute("email"))
            .build();

    private final IoService service = new IoService(IO, MapTypeSystem.derivedFrom(IO), Map.of());

    @Test
    void aReturnedEdmIsReusedAndTwoBorrowersGetTwoEdms() throws Exception {
        EdmPool pool = service.edms();
        Edm first = pool.borrow();
        Edm second = pool.borrow();
        assertThat(second).isNotSameAs(first);
        pool.giveBack(first);
        assertThat(pool.borrow()).isSameAs(first);
        assertThat(first.getDefaultEntityContainer().getEntitySet("Customers").getEntityType().getName())
                .isEqualTo("Customer");
    }
}
