package dev.ioflow.benchmarks;

import dev.ioflow.core.IntegrationObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The item both sides of {@link PayloadRenderBenchmark} render: a product with 12 attributes, one of them a
 * nested item (its unit) and one a collection of 5 nested items (its variants), as records read through a
 * {@code JavaTypeSystem}, and the integration object that projects all of them.
 */
public final class ProductFixture {
    private ProductFixture() {
    }

    /** Lifecycle states of a product. */
    public enum Status { DRAFT, ONLINE, RETIRED }

    /** The unit a product is sold in. */
    public record Unit(String code, String name) {
    }

    /** One variant of a product. */
    public record Variant(String sku, String size) {
    }

    /** The product: ten values, a nested unit and five variants. */
    public record Product(String code, String name, int quantity, long stock, double weight, BigDecimal price,
                          boolean online, Status status, Instant created, LocalDate released, Unit unit,
                          List<Variant> variants) {
    }

    /** The product every benchmark invocation renders. */
    public static Product product() {
        List<Variant> variants = new ArrayList<>();
        for (String size : List.of("XS", "S", "M", "L", "XL")) {
            variants.add(new Variant("P-1000-" + size, size));
        }
        return new Product("P-1000", "Merino wool sweater", 12, 4_200_000_000L, 0.35, new BigDecimal("89.90"), true,
                Status.ONLINE, Instant.parse("2024-03-01T09:30:00Z"), LocalDate.of(2024, 4, 15),
                new Unit("pc", "piece"), List.copyOf(variants));
    }

    /** The integration object over {@link Product}: every attribute, keyed by code (unit by code, variants by sku). */
    public static IntegrationObject integrationObject() {
        return IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root()
                        .attribute("code", a -> a.unique())
                        .attribute("name")
                        .attribute("quantity")
                        .attribute("stock")
                        .attribute("weight")
                        .attribute("price")
                        .attribute("online")
                        .attribute("status")
                        .attribute("created")
                        .attribute("released")
                        .attribute("unit", a -> a.item("Unit"))
                        .attribute("variants", a -> a.item("Variant")))
                .item("Unit", i -> i.attribute("code", a -> a.unique()).attribute("name"))
                .item("Variant", i -> i.attribute("sku", a -> a.unique()).attribute("size"))
                .build();
    }
}
