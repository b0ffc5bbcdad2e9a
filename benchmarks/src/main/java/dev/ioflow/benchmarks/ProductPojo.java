package dev.ioflow.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.ioflow.benchmarks.ProductFixture.Product;
import dev.ioflow.benchmarks.ProductFixture.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The hand-annotated Jackson equivalent of {@link ProductFixture.Product} and its integration object: the same
 * values, annotated to produce byte for byte the payload ioflow renders. The integration keys are plain
 * properties here (the codes need no URL encoding), which only makes Jackson's side cheaper.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "name", "quantity", "stock", "weight", "price", "online", "status", "created", "released",
        "unit", "variants", "integrationKey"})
public final class ProductPojo {
    @JsonProperty public final String code;
    @JsonProperty public final String name;
    @JsonProperty public final int quantity;
    @JsonProperty public final long stock;
    @JsonProperty public final double weight;
    @JsonProperty public final BigDecimal price;
    @JsonProperty public final boolean online;
    @JsonProperty public final Status status;
    @JsonProperty @JsonSerialize(using = ToStringSerializer.class) public final Instant created;
    @JsonProperty @JsonSerialize(using = ToStringSerializer.class) public final LocalDate released;
    @JsonProperty public final UnitPojo unit;
    @JsonProperty public final List<VariantPojo> variants;

    /** Copies the values of {@code product}. */
    public ProductPojo(Product product) {
        this.code = product.code();
        this.name = product.name();
        this.quantity = product.quantity();
        this.stock = product.stock();
        this.weight = product.weight();
        this.price = product.price();
        this.online = product.online();
        this.status = product.status();
        this.created = product.created();
        this.released = product.released();
        this.unit = new UnitPojo(product.unit().code(), product.unit().name());
        this.variants = product.variants().stream().map(v -> new VariantPojo(v.sku(), v.size())).toList();
    }

    /** The product's integration key: its code. */
    @JsonProperty("integrationKey")
    public String integrationKey() {
        return code;
    }

    /** The nested unit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"code", "name", "integrationKey"})
    public record UnitPojo(@JsonProperty("code") String code, @JsonProperty("name") String name) {
        /** The unit's integration key: its code. */
        @JsonProperty("integrationKey")
        public String integrationKey() {
            return code;
        }
    }

    /** One nested variant. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"sku", "size", "integrationKey"})
    public record VariantPojo(@JsonProperty("sku") String sku, @JsonProperty("size") String size) {
        /** The variant's integration key: its SKU. */
        @JsonProperty("integrationKey")
        public String integrationKey() {
            return sku;
        }
    }
}
