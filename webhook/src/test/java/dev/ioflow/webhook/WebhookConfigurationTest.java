package dev.ioflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WebhookConfigurationTest {

    @Test
    void defaultsToSavedEventsEveryItemAndTheHttpTarget() {
        WebhookConfiguration w = WebhookConfiguration.builder(Fixtures.IO_CUSTOMER, Fixtures.TYPES, "crm").build();

        assertThat(w.id()).isEqualTo("ioCustomer->crm");
        assertThat(w.integrationObject()).isEqualTo("ioCustomer");
        assertThat(w.eventTypes()).containsExactly(ChangeType.SAVED);
        assertThat(w.target()).isNull();
        assertThat(w.maxBatchSize()).isZero();
        assertThat(w.synchronizeDeletes()).isFalse();
        assertThat(w.filter().test(Fixtures.customer("c1", "a"))).isTrue();
    }

    @Test
    void newBuilderKeepsEveryValue() {
        RecordingTarget target = new RecordingTarget();
        WebhookConfiguration w = WebhookConfiguration.builder(Fixtures.CUSTOMERS, "crm").id("customers")
                .eventTypes(ChangeType.DELETED).target(target).maxBatchSize(5).synchronizeDeletes(true).build();

        assertThat(w.newBuilder().build()).isEqualTo(w);
    }

    @Test
    void wantsOnlyItsEventsItsTypeAndWhatTheFilterAccepts() {
        WebhookConfiguration w = WebhookConfiguration.builder(Fixtures.CUSTOMERS, "crm")
                .filter(item -> !"blocked".equals(((Map<?, ?>) item).get("customerID")))
                .build();

        assertThat(w.wants(ChangeType.SAVED, Fixtures.customer("c1", "a"))).isTrue();
        assertThat(w.wants(ChangeType.DELETED, Fixtures.customer("c1", "a"))).isFalse();
        assertThat(w.wants(ChangeType.SAVED, Fixtures.product("p1", "Pen"))).isFalse();
        assertThat(w.wants(ChangeType.SAVED, Fixtures.customer("blocked", "a"))).isFalse();
    }

    @Test
    void aNegativeBatchSizeIsRefusedNamingTheWebhook() {
        assertThatThrownBy(() -> WebhookConfiguration.builder(Fixtures.CUSTOMERS, "crm").maxBatchSize(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhook 'ioCustomer->crm' has a negative maxBatchSize: -1");
    }

    @Test
    void theBatchSizeIsCappedByTheTargetsMaximum() {
        RecordingTarget target = new RecordingTarget(10);
        WebhookService service = WebhookService.builder()
                .webhook(WebhookConfiguration.builder(Fixtures.CUSTOMERS, "crm").target(target).maxBatchSize(50).build())
                .build();
        service.saved(IntStream.range(0, 25).mapToObj(i -> Fixtures.customer("c" + i, "a")).toList());

        while (service.deliverDue() > 0) {
            // drain
        }

        assertThat(target.batchSizes()).containsExactly(10, 10, 5);
        service.close();
    }
}
