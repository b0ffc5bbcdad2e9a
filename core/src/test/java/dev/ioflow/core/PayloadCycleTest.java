package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.RenderFixtures.Category;
import org.junit.jupiter.api.Test;

class PayloadCycleTest {

    private static final IntegrationObject IO_CATEGORY = IntegrationObject.builder("ioCategory")
            .item("Category", i -> i.root()
                    .attribute("code", a -> a.unique())
                    .attribute("parent", a -> a.item("Category"))
                    .attribute("children", a -> a.item("Category")))
            .build();

    private final PayloadRenderer renderer = PayloadRenderer.of(IO_CATEGORY, RenderFixtures.types());

    @Test
    void writesAnItemMetAgainOnItsOwnPathInReferenceForm() {
        Category root = new Category("A").add(new Category("B"));

        assertThat(renderer.render(root).jsonString()).isEqualTo("{\"code\":\"A\",\"children\":["
                + "{\"code\":\"B\",\"parent\":{\"code\":\"A\",\"integrationKey\":\"A\"},\"children\":[],\"integrationKey\":\"B\"}],"
                + "\"integrationKey\":\"A\"}");
    }

    @Test
    void writesTheSameItemInFullWhenItIsNotOnThePath() {
        Category parent = new Category("A");
        Category child = new Category("B");
        parent.add(child);

        assertThat(renderer.render(child).jsonString()).isEqualTo("{\"code\":\"B\",\"parent\":{\"code\":\"A\","
                + "\"children\":[{\"code\":\"B\",\"integrationKey\":\"B\"}],\"integrationKey\":\"A\"},\"children\":[],"
                + "\"integrationKey\":\"B\"}");
    }

    @Test
    void hashesCyclicItems() {
        Category root = new Category("A").add(new Category("B"));

        assertThat(renderer.hash(root)).isEqualTo(renderer.render(root).hash());
    }
}
