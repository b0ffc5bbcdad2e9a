package dev.ioflow.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.benchmarks.ProductFixture.Product;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.PayloadRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Renders one item (12 attributes, one nested item, a 5-element collection of items) to JSON bytes:
 * {@code ioflow} drives the rendering by an integration object over a {@code JavaTypeSystem} of records;
 * {@code jackson} is {@code ObjectMapper.writeValueAsBytes} of a hand-annotated POJO with the same values.
 * Both produce the same bytes (checked once at set-up). Target: ioflow at most 1.3x Jackson's time and 1.5x its
 * allocation per operation.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PayloadRenderBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PayloadRenderBenchmark {
    private PayloadRenderer renderer;
    private Product product;
    private ObjectMapper mapper;
    private ProductPojo pojo;

    /** Builds both sides and checks that they render the same bytes. */
    @Setup
    public void setUp() throws JsonProcessingException {
        product = ProductFixture.product();
        renderer = PayloadRenderer.of(ProductFixture.integrationObject(), JavaTypeSystem.of(Product.class));
        mapper = new ObjectMapper();
        pojo = new ProductPojo(product);
        byte[] ioflow = renderer.renderJson(product);
        byte[] jackson = mapper.writeValueAsBytes(pojo);
        if (!Arrays.equals(ioflow, jackson)) {
            throw new IllegalStateException("the two sides render different payloads:\nioflow:  "
                    + new String(ioflow, StandardCharsets.UTF_8) + "\njackson: " + new String(jackson, StandardCharsets.UTF_8));
        }
    }

    /** The integration-object-driven rendering. */
    @Benchmark
    public byte[] ioflow() {
        return renderer.renderJson(product);
    }

    /** Jackson data binding of the equivalent annotated POJO. */
    @Benchmark
    public byte[] jackson() throws JsonProcessingException {
        return mapper.writeValueAsBytes(pojo);
    }
}
