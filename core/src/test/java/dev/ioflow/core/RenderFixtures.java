package dev.ioflow.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Items and integration objects shared by the rendering tests: SAP's Product / CatalogVersion / Catalog example. */
final class RenderFixtures {
    static final Instant CREATED = Instant.ofEpochMilli(1589376000000L); // 2020-05-13T13:20:00Z

    private RenderFixtures() {
    }

    enum ApprovalStatus { approved, check }

    record Catalog(String id, String name) {
    }

    record CatalogVersion(String version, Catalog catalog, Boolean active) {
    }

    record Product(String code, CatalogVersion catalogVersion, Map<Locale, String> name, ApprovalStatus approvalStatus,
                   Instant creationtime, BigDecimal price, List<Media> images) {
    }

    record Media(String mediaCode, String url) {
    }

    /** A mutable JavaBean, so that items can form cycles. */
    public static final class Category {
        private final String code;
        private Category parent;
        private final List<Category> children = new ArrayList<>();

        Category(String code) {
            this.code = code;
        }

        public String getCode() {
            return code;
        }

        public Category getParent() {
            return parent;
        }

        public List<Category> getChildren() {
            return children;
        }

        Category add(Category child) {
            children.add(child);
            child.parent = this;
            return this;
        }
    }

    static JavaTypeSystem types() {
        return JavaTypeSystem.of(Product.class, Category.class);
    }

    /** SAP's example IO: Product keyed by code and catalog version, which is keyed by version and catalog. */
    static IntegrationObject ioProduct() {
        return IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root()
                        .attribute("code", a -> a.unique())
                        .attribute("catalogVersion", a -> a.unique().item("CatalogVersion"))
                        .attribute("name")
                        .attribute("approvalStatus")
                        .attribute("creationtime"))
                .item("CatalogVersion", i -> i
                        .attribute("version", a -> a.unique())
                        .attribute("catalog", a -> a.unique().item("Catalog")))
                .item("Catalog", i -> i.attribute("id", a -> a.unique()))
                .build();
    }

    static Product product(String code) {
        return new Product(code, new CatalogVersion("Staged", new Catalog("Default", "Default catalog"), true),
                localized("en", "english value", "fr", "french value"), ApprovalStatus.approved, CREATED,
                new BigDecimal("19.90"), List.of(new Media("m1", "https://example.com/m1.png"), new Media("m2", null)));
    }

    static Map<Locale, String> localized(String... languagesAndTexts) {
        Map<Locale, String> text = new LinkedHashMap<>();
        for (int i = 0; i < languagesAndTexts.length; i += 2) {
            text.put(Locale.forLanguageTag(languagesAndTexts[i]), languagesAndTexts[i + 1]);
        }
        return text;
    }
}
