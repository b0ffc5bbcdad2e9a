package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A user's first render logs nothing: Hibernate Validator's version banner ({@code HV000001}, INFO) stays out of
 * the log. Runs in a fresh JVM without the test run's logging set-up, so JBoss Logging writes to
 * {@code java.util.logging} and its console, as in an application that configured nothing.
 */
class FirstRenderLogTest {

    /** The child JVM's program: renders one item, prints its payload. */
    public static final class FirstRender {
        public record Customer(String customerID, String contactEmail) {}

        public static void main(String[] args) {
            IntegrationObject io = IntegrationObject.builder("ioCustomer")
                    .item("Customer", item -> item.root().attribute("customerID", a -> a.unique()).attribute("contactEmail"))
                    .build();
            PayloadRenderer renderer = PayloadRenderer.of(io, JavaTypeSystem.of(Customer.class));
            System.out.println(renderer.render(new Customer("c1", "c1@example.com")).jsonString());
        }
    }

    @Test
    void firstRenderLogsNoHibernateValidatorBanner() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                FirstRender.class.getName())).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(err).isZero();
        assertThat(out.strip()).isEqualTo("{\"customerID\":\"c1\",\"contactEmail\":\"c1@example.com\",\"integrationKey\":\"c1\"}");
        assertThat(err).doesNotContain("HV000001").doesNotContain("Hibernate Validator");
    }
}
