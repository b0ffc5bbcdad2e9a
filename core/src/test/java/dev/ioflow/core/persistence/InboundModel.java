package dev.ioflow.core.persistence;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.ItemFactory;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.ValueKind;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.NonNull;
import org.jspecify.annotations.NullUnmarked;

/**
 * One item model in three type systems — records, JavaBeans, maps — for the inbound and persistence tests: SAP's
 * InboundProduct (Product keyed by code and catalog version, keyed by version and catalog), with a unit that must
 * exist, auto-created categories and part-of media.
 */
public enum InboundModel {
    RECORDS {
        @Override
        public TypeSystem types() {
            return JavaTypeSystem.of(Records.Product.class);
        }
    },
    BEANS {
        @Override
        public TypeSystem types() {
            return JavaTypeSystem.of(Beans.Product.class);
        }
    },
    MAPS {
        @Override
        public TypeSystem types() {
            return MapTypeSystem.builder()
                    .type("Product", t -> t.attribute("code", ValueKind.STRING).mandatory("code")
                            .reference("catalogVersion", "CatalogVersion", false)
                            .localized("name")
                            .attribute("price", ValueKind.DECIMAL)
                            .attribute("stock", ValueKind.INTEGER)
                            .attribute("released", ValueKind.DATE)
                            .attribute("status", ValueKind.ENUM)
                            .reference("unit", "Unit", false)
                            .reference("supercategories", "Category", true)
                            .reference("media", "Media", true)
                            .collection("keywords", ValueKind.STRING))
                    .type("CatalogVersion", t -> t.attribute("version", ValueKind.STRING).mandatory("version")
                            .reference("catalog", "Catalog", false).attribute("active", ValueKind.BOOLEAN))
                    .type("Catalog", t -> t.attribute("id", ValueKind.STRING).attribute("name", ValueKind.STRING).mandatory("id"))
                    .type("Unit", t -> t.attribute("code", ValueKind.STRING).attribute("name", ValueKind.STRING).mandatory("code"))
                    .type("Category", t -> t.attribute("code", ValueKind.STRING).attribute("name", ValueKind.STRING)
                            .mandatory("code"))
                    .type("Media", t -> t.attribute("code", ValueKind.STRING).attribute("url", ValueKind.STRING).mandatory("code"))
                    .build();
        }
    };

    /** The type system of this model. */
    public abstract TypeSystem types();

    /** SAP's InboundProduct integration object over the model. */
    public static IntegrationObject inboundProduct() {
        return IntegrationObject.builder("InboundProduct")
                .item("Product", i -> i.root()
                        .attribute("code", a -> a.unique())
                        .attribute("catalogVersion", a -> a.unique().autoCreate(true).item("CatalogVersion"))
                        .attribute("name")
                        .attribute("price")
                        .attribute("stock")
                        .attribute("released")
                        .attribute("status")
                        .attribute("unit", a -> a.item("Unit"))
                        .attribute("supercategories", a -> a.autoCreate(true).item("Category"))
                        .attribute("media", a -> a.partOf(true).item("Media"))
                        .attribute("keywords"))
                .item("CatalogVersion", i -> i
                        .attribute("version", a -> a.unique())
                        .attribute("catalog", a -> a.unique().autoCreate(true).item("Catalog"))
                        .attribute("active"))
                .item("Catalog", i -> i.attribute("id", a -> a.unique()).attribute("name"))
                .item("Unit", i -> i.attribute("code", a -> a.unique()).attribute("name"))
                .item("Category", i -> i.attribute("code", a -> a.unique()).attribute("name"))
                .item("Media", i -> i.attribute("code", a -> a.unique()).attribute("url"))
                .build();
    }

    /**
     * A new item of {@code type} made by its factory from canonical values ({@code name, value, …}), each converted
     * for its attribute first, as the reader does.
     */
    public static Object item(ItemType type, Object... namesAndValues) {
        ItemFactory factory = type.factory();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            values.put(name, factory.convert(name, namesAndValues[i + 1]));
        }
        return factory.create(values);
    }

    /** An attribute's value, read through the type's accessor. */
    public static Object read(ItemType type, Object item, String attribute) {
        return type.attributes().stream().filter(a -> a.name().equals(attribute)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.code() + "." + attribute)).accessor().read(item);
    }

    /** The record model: the key values are JSpecify {@code @NonNull}, in code that is not null-marked. */
    @NullUnmarked
    public static final class Records {
        private Records() {
        }

        /** Product status. */
        public enum Status { approved, check }

        /** A catalog. */
        public record Catalog(@NonNull String id, String name) {
        }

        /** A catalog version. */
        public record CatalogVersion(@NonNull String version, Catalog catalog, boolean active) {
        }

        /** A unit. */
        public record Unit(@NonNull String code, String name) {
        }

        /** A category. */
        public record Category(@NonNull String code, String name) {
        }

        /** A media item. */
        public record Media(@NonNull String code, String url) {
        }

        /** A product. */
        public record Product(@NonNull String code, CatalogVersion catalogVersion, Map<Locale, String> name, BigDecimal price,
                              Integer stock, Instant released, Status status, Unit unit, List<Category> supercategories,
                              List<Media> media, Set<String> keywords) {
        }
    }

    /**
     * The JavaBeans model (with other Java types: short, Date, List of keywords), not null-marked: the key values are
     * {@code @NonNull} on a getter, a backing field or a public field.
     */
    @NullUnmarked
    public static final class Beans {
        private Beans() {
        }

        /** A catalog. */
        public static class Catalog {
            private String id;
            private String name;

            public @NonNull String getId() {
                return id;
            }

            public void setId(String id) {
                this.id = id;
            }

            public String getName() {
                return name;
            }

            public void setName(String name) {
                this.name = name;
            }
        }

        /** A catalog version. */
        public static class CatalogVersion {
            private @NonNull String version;
            private Catalog catalog;
            private boolean active;

            public String getVersion() {
                return version;
            }

            public void setVersion(String version) {
                this.version = version;
            }

            public Catalog getCatalog() {
                return catalog;
            }

            public void setCatalog(Catalog catalog) {
                this.catalog = catalog;
            }

            public boolean isActive() {
                return active;
            }

            public void setActive(boolean active) {
                this.active = active;
            }
        }

        /** A unit. */
        public static class Unit {
            private @NonNull String code;
            private String name;

            public String getCode() {
                return code;
            }

            public void setCode(String code) {
                this.code = code;
            }

            public String getName() {
                return name;
            }

            public void setName(String name) {
                this.name = name;
            }
        }

        /** A category: public fields instead of accessors. */
        public static class Category {
            public @NonNull String code;
            public String name;
        }

        /** A media item. */
        public static class Media {
            @NotNull
            private String code;
            private String url;

            public String getCode() {
                return code;
            }

            public void setCode(String code) {
                this.code = code;
            }

            public String getUrl() {
                return url;
            }

            public void setUrl(String url) {
                this.url = url;
            }
        }

        /** A product. */
        public static class Product {
            private @NonNull String code;
            private CatalogVersion catalogVersion;
            private Map<Locale, String> name;
            private BigDecimal price;
            private short stock;
            private Date released;
            private Records.Status status;
            private Unit unit;
            private List<Category> supercategories = new ArrayList<>();
            private List<Media> media = new ArrayList<>();
            private List<String> keywords = new ArrayList<>();

            public String getCode() {
                return code;
            }

            public void setCode(String code) {
                this.code = code;
            }

            public CatalogVersion getCatalogVersion() {
                return catalogVersion;
            }

            public void setCatalogVersion(CatalogVersion catalogVersion) {
                this.catalogVersion = catalogVersion;
            }

            public Map<Locale, String> getName() {
                return name;
            }

            public void setName(Map<Locale, String> name) {
                this.name = name;
            }

            public BigDecimal getPrice() {
                return price;
            }

            public void setPrice(BigDecimal price) {
                this.price = price;
            }

            public short getStock() {
                return stock;
            }

            public void setStock(short stock) {
                this.stock = stock;
            }

            public Date getReleased() {
                return released;
            }

            public void setReleased(Date released) {
                this.released = released;
            }

            public Records.Status getStatus() {
                return status;
            }

            public void setStatus(Records.Status status) {
                this.status = status;
            }

            public Unit getUnit() {
                return unit;
            }

            public void setUnit(Unit unit) {
                this.unit = unit;
            }

            public List<Category> getSupercategories() {
                return supercategories;
            }

            public void setSupercategories(List<Category> supercategories) {
                this.supercategories = supercategories;
            }

            public List<Media> getMedia() {
                return media;
            }

            public void setMedia(List<Media> media) {
                this.media = media;
            }

            public List<String> getKeywords() {
                return keywords;
            }

            public void setKeywords(List<String> keywords) {
                this.keywords = keywords;
            }
        }
    }
}
