package dev.ioflow.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.Payload;
import dev.ioflow.core.PayloadHash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadAssertTest {
    private static final PayloadHash HASH = PayloadHash.fromHex("00112233445566778899aabbccddeeff");
    private static final Payload PAYLOAD = Payload.of("ioCustomer", "c1", ("{\"customerID\":\"c1\","
            + "\"contactEmail\":\"c1@example.com\",\"age\":42,\"vip\":true,\"nickname\":null,"
            + "\"defaultAddress\":{\"town\":\"Berlin\"},\"addresses\":[{\"town\":\"Paris\"},{\"town\":\"Rome\"}],"
            + "\"integrationKey\":\"c1\"}").getBytes(StandardCharsets.UTF_8), HASH);

    @Test
    void passesWhenKeyAttributesAndHashMatch() {
        PayloadAssert.assertThat(PAYLOAD)
                .hasIntegrationObject("ioCustomer")
                .hasIntegrationKey("c1")
                .hasAttribute("contactEmail", "c1@example.com")
                .hasAttribute("age", 42L)
                .hasAttribute("vip", true)
                .hasAttribute("nickname", null)
                .hasHash("00112233445566778899aabbccddeeff");
    }

    @Test
    void readsNestedAttributesByDottedPathIndexOrJsonPointer() {
        PayloadAssert.assertThat(PAYLOAD)
                .hasAttribute("defaultAddress.town", "Berlin")
                .hasAttribute("addresses[1].town", "Rome")
                .hasAttribute("/addresses/0/town", "Paris")
                .hasAttribute("defaultAddress", Map.of("town", "Berlin"))
                .hasAttribute("addresses", List.of(Map.of("town", "Paris"), Map.of("town", "Rome")));
    }

    @Test
    void failsNamingTheAttributeWhenItsValueDiffers() {
        assertThatThrownBy(() -> PayloadAssert.assertThat(PAYLOAD).hasAttribute("contactEmail", "other@example.com"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected attribute <contactEmail> to be <\"other@example.com\"> but was <\"c1@example.com\">");
    }

    @Test
    void failsWhenAnExpectedAttributeIsMissing() {
        assertThatThrownBy(() -> PayloadAssert.assertThat(PAYLOAD).hasAttribute("defaultAddress.zip", "10115"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected attribute <defaultAddress.zip> but the payload has none");
    }

    @Test
    void hasNoAttributeFailsForAPresentAttributeEvenWhenNull() {
        PayloadAssert.assertThat(PAYLOAD).hasNoAttribute("password").hasNoAttribute("addresses[2]");

        assertThatThrownBy(() -> PayloadAssert.assertThat(PAYLOAD).hasNoAttribute("nickname"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected no attribute <nickname> but found <null>");
    }

    @Test
    void isEqualToJsonIgnoresKeyOrderAndNumberRepresentation() {
        PayloadAssert.assertThat(PAYLOAD).isEqualToJson("{\"integrationKey\":\"c1\",\"age\":42.0,\"vip\":true,"
                + "\"nickname\":null,\"addresses\":[{\"town\":\"Paris\"},{\"town\":\"Rome\"}],"
                + "\"defaultAddress\":{\"town\":\"Berlin\"},\"contactEmail\":\"c1@example.com\",\"customerID\":\"c1\"}");
    }

    @Test
    void isEqualToJsonFailsWhenAListIsInAnotherOrder() {
        Payload payload = Payload.of("io", "k", "{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8), HASH);

        assertThatThrownBy(() -> PayloadAssert.assertThat(payload).isEqualToJson("{\"a\":[2,1]}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but was");
    }

    @Test
    void failsWithBothKeysWhenTheIntegrationKeyDiffers() {
        assertThatThrownBy(() -> PayloadAssert.assertThat(PAYLOAD).hasIntegrationKey("c2"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected integration key <c2> but was <c1>");
    }

    @Test
    void failsWithBothHashesWhenTheHashDiffers() {
        assertThatThrownBy(() -> PayloadAssert.assertThat(PAYLOAD).hasHash("ffffffffffffffffffffffffffffffff"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected hash <ffffffffffffffffffffffffffffffff> but was <00112233445566778899aabbccddeeff>");
    }
}
