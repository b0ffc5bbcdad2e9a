package dev.ioflow.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.spring.internal.IoflowFailureAnalyzer;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.Delivery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The integration objects and the type system as beans: read once at start-up (a bad file fails the start naming
 * the file and the place in it), replaceable by the application's own.
 */
class IoflowDefinitionsTest {
    private static final String JSON_CUSTOMER = """
            {
              "integrationObjects": [
                {
                  "code": "ioCustomer",
                  "items": [
                    {
                      "code": "Customer",
                      "root": %s,
                      "attributes": [ { "name": "customerID", "unique": true } ]
                    }
                  ]
                }
              ]
            }
            """;
    private static final IntegrationObject OTHER = IntegrationObject.builder("ioOther")
            .item("Customer", item -> item.root().attribute("customerID", a -> a.unique()))
            .build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(IoflowAutoConfiguration.class));

    @Test
    void theFilesAndIntegrationObjectBeansAreOneBeanAndTheTypesAnother() {
        runner.withBean(IntegrationObject.class, () -> OTHER)
                .withPropertyValues("ioflow.types=dev.ioflow.spring.Customer",
                        "ioflow.definitions=classpath:ioflow/*.impex")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(IoflowDefinitions.class).byCode())
                            .containsOnlyKeys("ioCustomer", "ioOther");
                    assertThat(context.getBean(TypeSystem.class)).isInstanceOf(JavaTypeSystem.class);
                    assertThat(context.getBean(TypeSystem.class).find("Customer")).isNotNull();
                });
    }

    @Test
    void withoutTypesThereIsNoTypeSystemBeanUntilSomethingNeedsOne() {
        runner.withPropertyValues("ioflow.definitions=classpath:ioflow/*.impex").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(TypeSystem.class);
            assertThat(context.getBean(IoflowDefinitions.class).find("ioCustomer")).isNotNull();
        });
    }

    @Test
    void typesGivenAsAYamlListBuildTheTypeSystem() {
        runner.withPropertyValues("ioflow.types[0]=dev.ioflow.spring.Customer")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(TypeSystem.class));
    }

    @Test
    void theApplicationsDefinitionsAndTypeSystemReplaceTheConfiguredOnes() {
        TypeSystem types = JavaTypeSystem.of(Customer.class);
        RecordingTarget target = new RecordingTarget();
        runner.withBean(IoflowDefinitions.class, () -> IoflowDefinitions.of(List.of(OTHER)))
                .withBean(TypeSystem.class, () -> types)
                .withBean("crmTarget", RecordingTarget.class, () -> target)
                .withPropertyValues("ioflow.types=dev.ioflow.spring.NoSuchClass",
                        "ioflow.definitions=classpath:nowhere/*.impex",
                        "ioflow.webhooks.others.integration-object=ioOther",
                        "ioflow.webhooks.others.destination=crm",
                        "ioflow.webhooks.others.target=crmTarget", "ioflow.poll-interval=50ms")
                .run(context -> {
                    assertThat(context).as("neither ioflow.types nor ioflow.definitions is read").hasNotFailed();
                    assertThat(context.getBean(TypeSystem.class)).isSameAs(types);
                    context.getBean(WebhookService.class).saved(new Customer("c1", "ada@example.com"));
                    Delivery delivery = target.received.poll(10, TimeUnit.SECONDS);
                    assertThat(delivery).isNotNull();
                    assertThat(delivery.integrationObject()).isEqualTo("ioOther");
                });
    }

    @Test
    void aBrokenImpexFileFailsTheStartNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.impex");
        Files.writeString(broken, """
                INSERT_UPDATE IntegrationObject; code[unique=true]; integrationType(code)
                ; ioCustomer ; INBOUND

                INSERT_UPDATE IntegrationObjectItem; integrationObject(code)[unique=true]; code[unique=true]; noSuchColumn
                ; ioCustomer ; Customer ; true
                """);
        runner.withPropertyValues("ioflow.definitions=" + broken.toUri())
                .run(context -> assertThat(failure(context, "ioflow.definitions[0]"))
                        .contains("bad definitions", "/broken.impex:4:", "unknown column 'noSuchColumn'"));
    }

    @Test
    void aBrokenJsonFileFailsTheStartNamingTheFileAndJsonPath(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, JSON_CUSTOMER.formatted("\"yes\""));
        runner.withPropertyValues("ioflow.definitions=" + broken.toUri())
                .run(context -> assertThat(failure(context, "ioflow.definitions[0]"))
                        .contains("/broken.json", "$.integrationObjects[0].items[0].root (line 8,"));
    }

    @Test
    void anIntegrationObjectBeanDuplicatingAFileFailsTheStart() {
        runner.withBean(IntegrationObject.class, () -> IntegrationObject.builder("ioCustomer")
                        .item("Customer", item -> item.root().attribute("customerID", a -> a.unique())).build())
                .withPropertyValues("ioflow.definitions=classpath:ioflow/*.impex")
                .run(context -> assertThat(failure(context, "ioflow.definitions"))
                        .contains("'ioCustomer' is defined twice"));
    }

    @Test
    void ofRefusesTwoIntegrationObjectsWithOneCode() {
        assertThatIllegalArgumentException().isThrownBy(() -> IoflowDefinitions.of(List.of(OTHER, OTHER)))
                .withMessageContaining("'ioOther' is defined twice");
    }

    /** The start-up failure's message, after checking it names {@code property} and Boot's report explains it. */
    private static String failure(AssertableApplicationContext context, String property) {
        assertThat(context).hasFailed();
        Throwable failure = context.getStartupFailure();
        Throwable cause = failure;
        while (!(cause instanceof IoflowConfigurationException)) {
            assertThat(cause.getCause()).as("an IoflowConfigurationException under " + failure).isNotNull();
            cause = cause.getCause();
        }
        IoflowConfigurationException e = (IoflowConfigurationException) cause;
        assertThat(e.property()).isEqualTo(property);
        FailureAnalysis analysis = new IoflowFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains(e.getMessage());
        return e.getMessage();
    }
}
