package dev.ioflow.destinations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DestinationRegistryTest {
    private final ConsumedDestination crm = ConsumedDestination.builder("crm", "https://crm.example.com/").build();
    private final ConsumedDestination erp = ConsumedDestination.builder("erp", "https://erp.example.com/").build();

    @Test
    void findsRegisteredDestinationsById() {
        DestinationRegistry registry = DestinationRegistry.builder().add(crm).add(erp).build();

        assertThat(registry.find("erp")).isEqualTo(erp);
        assertThat(registry.find("pim")).isNull();
        assertThat(registry.require("crm")).isSameAs(crm);
        assertThat(registry.all()).containsExactly(crm, erp);
        assertThat(registry.ids()).containsExactly("crm", "erp");
    }

    @Test
    void requireOfAnUnknownIdNamesItAndTheKnownIds() {
        DestinationRegistry registry = DestinationRegistry.builder().add(crm).add(erp).build();

        assertThatThrownBy(() -> registry.require("pim"))
                .isInstanceOfSatisfying(UnknownDestinationException.class, e -> {
                    assertThat(e.destinationId()).isEqualTo("pim");
                    assertThat(e.knownIds()).containsExactly("crm", "erp");
                })
                .hasMessage("Unknown destination 'pim'; known destinations: [crm, erp]");
    }

    @Test
    void duplicateIdIsRejected() {
        ConsumedDestination crm2 = ConsumedDestination.builder("crm", "https://other.example.com/").build();

        assertThatThrownBy(() -> DestinationRegistry.builder().add(crm).add(crm2).build())
                .isInstanceOf(DestinationConfigException.class)
                .hasMessageContaining("duplicate destination id 'crm'");
    }

    @Test
    void newBuilderKeepsTheRegisteredDestinations() {
        DestinationRegistry registry = DestinationRegistry.builder().add(crm).build().newBuilder().add(erp).build();

        assertThat(registry.ids()).containsExactly("crm", "erp");
    }

    @Test
    void destinationNewBuilderCopiesEveryValue() {
        ConsumedDestination full = ConsumedDestination.builder("crm", "https://crm.example.com/")
                .credential(Credential.bearer("tok"))
                .header("X-Tenant", "acme")
                .additionalProperty("region", "eu")
                .active(false)
                .cloudEvents(true)
                .build();

        assertThat(full.newBuilder().build()).isEqualTo(full).hasSameHashCodeAs(full);
        assertThat(full.newBuilder().active(true).build()).isNotEqualTo(full);
    }

    @Test
    void destinationDefaultsAreSapLike() {
        assertThat(crm.connectTimeout()).hasSeconds(20);
        assertThat(crm.readTimeout()).hasSeconds(20);
        assertThat(crm.callTimeout()).hasSeconds(60);
        assertThat(crm.active()).isTrue();
        assertThat(crm.credential()).isEqualTo(Credential.none());
        assertThat(crm.allowInsecureHttp()).isFalse();
        assertThat(crm.cloudEvents()).isFalse();
    }
}
