package dev.ioflow.core;

import static dev.ioflow.core.RenderFixtures.ioProduct;
import static dev.ioflow.core.RenderFixtures.product;
import static dev.ioflow.core.RenderFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.internal.hash.Murmur3x128;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadHashTest {

    enum Flag { NEW, SALE, LAST, EXCLUSIVE }

    record Offer(String id, int stock, Map<String, Object> extras, Set<Flag> flags) {
    }

    private static IntegrationObject offerIo(String... attributeOrder) {
        return IntegrationObject.builder("ioOffer")
                .item("Offer", i -> {
                    i.root();
                    for (String name : attributeOrder) {
                        i.attribute(name, a -> a.unique(name.equals("id")));
                    }
                })
                .build();
    }

    private static PayloadHash hash(IntegrationObject io, Offer offer) {
        return PayloadRenderer.of(io, JavaTypeSystem.of(Offer.class)).hash(offer);
    }

    private static Offer offer(int stock) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("color", "red");
        extras.put("size", 42);
        return new Offer("o1", stock, extras, Set.of(Flag.NEW, Flag.SALE));
    }

    @Test
    void isTheMurmur3HashOfTheCanonicalPayloadWithSortedKeys() {
        Offer offer = new Offer("o1", 5, Map.of("size", 42, "color", "red"), null);
        byte[] canonical = "{\"extras\":{\"color\":\"red\",\"size\":42},\"id\":\"o1\",\"integrationKey\":\"o1\",\"stock\":5}"
                .getBytes(StandardCharsets.UTF_8);
        Murmur3x128 expected = new Murmur3x128();
        expected.write(canonical, 0, canonical.length);

        assertThat(hash(offerIo("stock", "id", "extras"), offer)).isEqualTo(expected.finish());
    }

    @Test
    void isTheSameForEveryAttributeOrderOfTheDefinition() {
        PayloadHash hash = hash(offerIo("id", "stock", "extras", "flags"), offer(5));

        assertThat(hash(offerIo("flags", "extras", "stock", "id"), offer(5))).isEqualTo(hash);
        assertThat(hash(offerIo("stock", "id", "flags", "extras"), offer(5))).isEqualTo(hash);
    }

    @Test
    void isTheSameForEveryMapInsertionOrder() {
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("size", 42);
        reversed.put("color", "red");
        IntegrationObject io = offerIo("id", "stock", "extras");

        assertThat(hash(io, new Offer("o1", 5, reversed, null))).isEqualTo(hash(io, offer(5)));
    }

    @Test
    void isTheSameForEverySetIterationOrder() {
        IntegrationObject io = offerIo("id", "flags");
        Set<Flag> forward = new LinkedHashSet<>(List.of(Flag.NEW, Flag.SALE, Flag.LAST));
        Set<Flag> backward = new LinkedHashSet<>(List.of(Flag.LAST, Flag.SALE, Flag.NEW));

        assertThat(hash(io, new Offer("o1", 5, null, backward))).isEqualTo(hash(io, new Offer("o1", 5, null, forward)))
                .isEqualTo(hash(io, new Offer("o1", 5, null, new HashSet<>(forward))));
    }

    @Test
    void changesWhenAValueChanges() {
        IntegrationObject io = offerIo("id", "stock", "extras");

        assertThat(hash(io, offer(6))).isNotEqualTo(hash(io, offer(5)));
    }

    @Test
    void changesWhenANestedValueChanges() {
        IntegrationObject io = offerIo("id", "extras");
        Offer changed = new Offer("o1", 5, Map.of("color", "blue", "size", 42), null);

        assertThat(hash(io, changed)).isNotEqualTo(hash(io, offer(5)));
    }

    @Test
    void doesNotDependOnThePayloadStyle() {
        PayloadHash plain = PayloadRenderer.of(ioProduct(), types()).hash(product("P1"));
        PayloadHash sap = PayloadRenderer.builder(ioProduct(), types()).style(PayloadStyle.SAP).build().hash(product("P1"));

        assertThat(sap).isEqualTo(plain);
    }

    @Test
    void isTheHashOfTheRenderedPayload() {
        PayloadRenderer renderer = PayloadRenderer.of(ioProduct(), types());

        assertThat(renderer.render(product("P1")).hash()).isEqualTo(renderer.hash(product("P1")));
    }

    @Test
    void isStableAcrossRunsAndJvms() {
        // Pinned: a change here means every stored hash changes, so every item would be re-sent once.
        assertThat(PayloadRenderer.of(ioProduct(), types()).hash(product("P1")).toHex())
                .isEqualTo("384f4b80cf16a9b7544b76fe157a730b");
    }

    @Test
    void parsesOnlyTheHexFormItWrites() {
        PayloadHash hash = PayloadRenderer.of(ioProduct(), types()).hash(product("P1"));

        assertThat(PayloadHash.fromHex(hash.toHex().toUpperCase())).isEqualTo(hash);
        assertThatThrownBy(() -> PayloadHash.fromHex("+123456789abcdef0123456789abcdef"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a hex payload hash: '+123456789abcdef0123456789abcdef'");
    }

    record Town(String name) {
    }

    record Region(String code, Set<Town> towns) {
    }

    @Test
    void namesTheNestedItemWhoseKeyIsMissingInAnUnorderedSet() {
        IntegrationObject io = IntegrationObject.builder("ioRegion")
                .item("Region", i -> i.root().attribute("code", a -> a.unique()).attribute("towns", a -> a.item("Town")))
                .item("Town", i -> i.attribute("name", a -> a.unique()))
                .build();
        Set<Town> towns = new HashSet<>(List.of(new Town("Bern"), new Town(null)));

        assertThatThrownBy(() -> PayloadRenderer.of(io, JavaTypeSystem.of(Region.class)).hash(new Region("r1", towns)))
                .isInstanceOfSatisfying(MissingKeyValueException.class,
                        e -> assertThat(e.path()).isEqualTo("ioRegion/Region/towns/Town/name"));
    }
}
