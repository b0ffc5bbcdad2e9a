package dev.ioflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectJson;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.destinations.ApiKeyCredential;
import dev.ioflow.destinations.BasicCredential;
import dev.ioflow.destinations.BearerTokenCredential;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.destinations.NoCredential;
import dev.ioflow.destinations.OAuth2ClientCredentials;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.RetryPolicy;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.jdbc.JdbcVersionMarkerStore;
import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.memory.InMemoryVersionMarkerStore;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.spring.jdbc.SpringTransactionBinding;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.TransactionBinding;
import dev.ioflow.webhook.spi.VersionMarkerStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import dev.ioflow.spring.internal.IoflowFailureAnalyzer;

class IoflowAutoConfigurationTest {
    private static final String[] CUSTOMER_WEBHOOK = {
            "ioflow.types=dev.ioflow.spring.Customer",
            "ioflow.definitions=classpath:ioflow/*.impex",
            "ioflow.destinations.crm.url=https://crm.example.com/hooks",
            "ioflow.webhooks.customers.integration-object=ioCustomer",
            "ioflow.webhooks.customers.destination=crm"};

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(IoflowAutoConfiguration.class));

    @Test
    void withoutSettingsItOffersDestinationsRetryAndInMemoryStoresButNoWebhookService() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DestinationRegistry.class).ids()).isEmpty();
            assertThat(context).hasSingleBean(DestinationClient.class);
            assertThat(context.getBean(RetryPolicy.class)).isEqualTo(RetryPolicy.defaults());
            assertThat(context.getBean(Outbox.class)).isInstanceOf(InMemoryOutbox.class);
            assertThat(context.getBean(VersionMarkerStore.class)).isInstanceOf(InMemoryVersionMarkerStore.class);
            assertThat(context).doesNotHaveBean(WebhookService.class);
            assertThat(context).doesNotHaveBean(WebhookServiceLifecycle.class);
            assertThat(context).doesNotHaveBean(TransactionBinding.class);
        });
    }

    @Test
    void destinationsAndEveryCredentialTypeBindFromProperties() {
        runner.withPropertyValues(
                "ioflow.destinations.open.url=https://open.example.com",
                "ioflow.destinations.open.headers.X-Tenant=shop1",
                "ioflow.destinations.open.read-timeout=3s",
                "ioflow.destinations.open.active=false",
                "ioflow.destinations.basic.url=https://basic.example.com",
                "ioflow.destinations.basic.credential.type=basic",
                "ioflow.destinations.basic.credential.username=shop",
                "ioflow.destinations.basic.credential.password=pa55",
                "ioflow.destinations.bearer.url=https://bearer.example.com",
                "ioflow.destinations.bearer.credential.type=bearer",
                "ioflow.destinations.bearer.credential.token=t0ken",
                "ioflow.destinations.key.url=https://key.example.com",
                "ioflow.destinations.key.credential.type=api-key",
                "ioflow.destinations.key.credential.header-name=X-Api-Key",
                "ioflow.destinations.key.credential.key=k3y",
                "ioflow.destinations.oauth.url=https://oauth.example.com",
                "ioflow.destinations.oauth.credential.type=oauth2",
                "ioflow.destinations.oauth.credential.token-url=https://login.example.com/token",
                "ioflow.destinations.oauth.credential.client-id=shop",
                "ioflow.destinations.oauth.credential.client-secret=s3cret",
                "ioflow.destinations.oauth.credential.scope=write")
                .run(context -> {
                    DestinationRegistry registry = context.getBean(DestinationRegistry.class);
                    assertThat(registry.ids()).containsExactly("open", "basic", "bearer", "key", "oauth");
                    ConsumedDestination open = registry.require("open");
                    assertThat(open.credential()).isInstanceOf(NoCredential.class);
                    assertThat(open.headers()).containsEntry("X-Tenant", "shop1");
                    assertThat(open.readTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(open.active()).isFalse();
                    BasicCredential basic = (BasicCredential) registry.require("basic").credential();
                    assertThat(basic.username()).isEqualTo("shop");
                    assertThat(basic.password().reveal()).isEqualTo("pa55");
                    assertThat(((BearerTokenCredential) registry.require("bearer").credential()).token().reveal())
                            .isEqualTo("t0ken");
                    ApiKeyCredential key = (ApiKeyCredential) registry.require("key").credential();
                    assertThat(key.headerName()).isEqualTo("X-Api-Key");
                    assertThat(key.key().reveal()).isEqualTo("k3y");
                    OAuth2ClientCredentials oauth = (OAuth2ClientCredentials) registry.require("oauth").credential();
                    assertThat(oauth.tokenUrl()).isEqualTo("https://login.example.com/token");
                    assertThat(oauth.clientId()).isEqualTo("shop");
                    assertThat(oauth.clientSecret().reveal()).isEqualTo("s3cret");
                    assertThat(oauth.scope()).isEqualTo("write");
                    assertThat(registry.toString()).doesNotContain("pa55", "t0ken", "k3y", "s3cret");
                });
    }

    @Test
    void aDestinationWithoutUrlFailsNamingTheProperty() {
        runner.withPropertyValues("ioflow.destinations.crm.credential.type=bearer",
                        "ioflow.destinations.crm.credential.token=t0ken")
                .run(context -> assertFailure(context, "ioflow.destinations.crm.url", "must be set"));
    }

    @Test
    void aBadUrlFailsNamingTheDestinationWithoutItsSecret() {
        runner.withPropertyValues("ioflow.destinations.crm.url=http://crm.example.com",
                        "ioflow.destinations.crm.credential.type=basic",
                        "ioflow.destinations.crm.credential.username=shop",
                        "ioflow.destinations.crm.credential.password=pa55")
                .run(context -> {
                    IoflowConfigurationException e = assertFailure(context, "ioflow.destinations.crm", "http");
                    assertThat(e.getMessage()).doesNotContain("pa55");
                });
    }

    @Test
    void aSecretOfAnotherCredentialTypeFailsNamingTheFieldButNotItsValue() {
        runner.withPropertyValues("ioflow.destinations.crm.url=https://crm.example.com",
                        "ioflow.destinations.crm.credential.type=bearer",
                        "ioflow.destinations.crm.credential.password=pa55")
                .run(context -> {
                    IoflowConfigurationException e = assertFailure(context,
                            "ioflow.destinations.crm.credential.password", "credential type is 'bearer'");
                    assertThat(e.getMessage()).doesNotContain("pa55");
                });
    }

    @Test
    void aMissingSecretFailsNamingTheProperty() {
        runner.withPropertyValues("ioflow.destinations.crm.url=https://crm.example.com",
                        "ioflow.destinations.crm.credential.type=oauth2",
                        "ioflow.destinations.crm.credential.token-url=https://login.example.com/token",
                        "ioflow.destinations.crm.credential.client-id=shop")
                .run(context -> assertFailure(context, "ioflow.destinations.crm.credential.client-secret",
                        "must be set"));
    }

    @Test
    void retrySettingsOverrideTheDefaults() {
        runner.withPropertyValues("ioflow.retry.initial-delay=2s", "ioflow.retry.multiplier=3",
                        "ioflow.retry.max-delay=1m", "ioflow.retry.max-attempts=4", "ioflow.retry.max-age=2h")
                .run(context -> {
                    RetryPolicy policy = context.getBean(RetryPolicy.class);
                    assertThat(policy.initialDelay()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(policy.multiplier()).isEqualTo(3.0);
                    assertThat(policy.maxDelay()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(policy.maxAttempts()).isEqualTo(4);
                    assertThat(policy.maxAge()).isEqualTo(Duration.ofHours(2));
                    assertThat(policy.jitter()).isEqualTo(RetryPolicy.defaults().jitter());
                });
    }

    @Test
    void aBadRetrySettingFailsNamingTheProperty() {
        runner.withPropertyValues("ioflow.retry.max-attempts=0")
                .run(context -> assertFailure(context, "ioflow.retry.max-attempts", ""));
    }

    @Test
    void aWebhookFromImpexDefinitionsSendsToItsDestinationByHttp() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).build());
            runner.withPropertyValues(CUSTOMER_WEBHOOK)
                    .withPropertyValues("ioflow.destinations.crm.url=" + server.url("/hooks"),
                            "ioflow.destinations.crm.allow-insecure-http=true",
                            "ioflow.destinations.crm.credential.type=bearer",
                            "ioflow.destinations.crm.credential.token=t0ken",
                            "ioflow.webhooks.customers.event-types=saved,deleted",
                            "ioflow.threads=1", "ioflow.poll-interval=50ms")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(WebhookServiceLifecycle.class).isRunning()).isTrue();
                        WebhookService webhooks = context.getBean(WebhookService.class);
                        assertThat(webhooks.saved(new Customer("c1", "ada@example.com"))).isEqualTo(1);
                        RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
                        assertThat(request).isNotNull();
                        assertThat(request.getTarget()).isEqualTo("/hooks");
                        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t0ken");
                        assertThat(request.getBody().string(StandardCharsets.UTF_8))
                                .contains("\"customerID\"", "c1", "ada@example.com");
                    });
        }
    }

    @Test
    void theServiceIsClosedWithTheContextAndStaysStoppedWithoutAutoStart() {
        runner.withPropertyValues(CUSTOMER_WEBHOOK).withPropertyValues("ioflow.auto-start=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(WebhookServiceLifecycle.class).isRunning()).isFalse();
                    WebhookService webhooks = context.getBean(WebhookService.class);
                    context.close();
                    org.assertj.core.api.Assertions.assertThatThrownBy(
                                    () -> webhooks.saved(new Customer("c1", "a@example.com")))
                            .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
                });
    }

    @Test
    void jsonDefinitionsAndADeliveryTargetBeanAreUsed(@TempDir Path dir) throws Exception {
        IntegrationObject io = dev.ioflow.core.ImpexImporter.create().read(new String(
                getClass().getResourceAsStream("/ioflow/ioCustomer.impex").readAllBytes(), StandardCharsets.UTF_8))
                .get(0);
        Path json = dir.resolve("customer.json");
        Files.writeString(json, IntegrationObjectJson.create().write(io));
        RecordingTarget target = new RecordingTarget();
        runner.withBean("crmTarget", RecordingTarget.class, () -> target)
                .withPropertyValues("ioflow.types=dev.ioflow.spring.Customer",
                        "ioflow.definitions=" + json.toUri(),
                        "ioflow.webhooks.customers.integration-object=ioCustomer",
                        "ioflow.webhooks.customers.destination=crm",
                        "ioflow.webhooks.customers.target=crmTarget",
                        "ioflow.poll-interval=50ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(WebhookService.class).saved(new Customer("c2", "bob@example.com"));
                    Delivery delivery = target.received.poll(10, TimeUnit.SECONDS);
                    assertThat(delivery).isNotNull();
                    assertThat(delivery.integrationObject()).isEqualTo("ioCustomer");
                    assertThat(delivery.destinationId()).isEqualTo("crm");
                    assertThat(delivery.changeType()).isEqualTo(ChangeType.SAVED);
                });
    }

    @Test
    void integrationObjectAndWebhookBeansNeedNoProperties() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", item -> item.root().attribute("customerID", a -> a.unique())
                        .attribute("contactEmail"))
                .build();
        RecordingTarget target = new RecordingTarget();
        runner.withBean(IntegrationObject.class, () -> io)
                .withBean(WebhookConfiguration.class, () -> WebhookConfiguration
                        .builder(io, JavaTypeSystem.of(Customer.class), "crm").target(target).build())
                .withPropertyValues("ioflow.poll-interval=50ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(WebhookService.class).saved(new Customer("c3", "cy@example.com"));
                    assertThat(target.received.poll(10, TimeUnit.SECONDS)).isNotNull();
                });
    }

    @Test
    void customizerBeansAdjustTheServiceInOrder() {
        RecordingTarget target = new RecordingTarget();
        runner.withBean("crmTarget", RecordingTarget.class, () -> target)
                .withBean("first", WebhookServiceCustomizer.class, () -> b -> b.messageIds(() -> "first"))
                .withBean("second", WebhookServiceCustomizer.class, () -> b -> b.messageIds(() -> "second"))
                .withPropertyValues(CUSTOMER_WEBHOOK)
                .withPropertyValues("ioflow.webhooks.customers.target=crmTarget", "ioflow.poll-interval=50ms")
                .run(context -> {
                    context.getBean(WebhookService.class).saved(new Customer("c4", "di@example.com"));
                    Delivery delivery = target.received.poll(10, TimeUnit.SECONDS);
                    assertThat(delivery).isNotNull();
                    assertThat(delivery.messageId()).isEqualTo("second");
                });
    }

    @Test
    void applicationBeansReplaceEveryPart() {
        DestinationRegistry registry = DestinationRegistry.builder()
                .add(ConsumedDestination.builder("own", "https://own.example.com").build()).build();
        RetryPolicy retry = RetryPolicy.builder().maxAttempts(2).build();
        InMemoryOutbox outbox = new InMemoryOutbox();
        InMemoryVersionMarkerStore markers = new InMemoryVersionMarkerStore();
        runner.withBean(DestinationRegistry.class, () -> registry)
                .withBean(RetryPolicy.class, () -> retry)
                .withBean(Outbox.class, () -> outbox)
                .withBean(VersionMarkerStore.class, () -> markers)
                .withPropertyValues("ioflow.destinations.crm.url=https://crm.example.com")
                .run(context -> {
                    assertThat(context.getBean(DestinationRegistry.class)).isSameAs(registry);
                    assertThat(context.getBean(DestinationClient.class).registry()).isSameAs(registry);
                    assertThat(context.getBean(RetryPolicy.class)).isSameAs(retry);
                    assertThat(context.getBean(Outbox.class)).isSameAs(outbox);
                    assertThat(context.getBean(VersionMarkerStore.class)).isSameAs(markers);
                });
    }

    @Test
    void anApplicationWebhookServiceReplacesTheAutoConfiguredOne() {
        RecordingTarget target = new RecordingTarget();
        runner.withPropertyValues(CUSTOMER_WEBHOOK)
                .withBean("myWebhooks", WebhookService.class, () -> WebhookService.builder()
                        .webhook(WebhookConfiguration.builder(IntegrationObject.builder("ioOther")
                                        .item("Customer", item -> item.root().attribute("customerID", a -> a.unique()))
                                        .build(), JavaTypeSystem.of(Customer.class), "x").target(target).build())
                        .build())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(WebhookService.class);
                    assertThat(context).hasBean("myWebhooks");
                    assertThat(context).hasSingleBean(WebhookServiceLifecycle.class);
                });
    }

    @Test
    void withADataSourceTheStoresAreJdbc() {
        runner.withBean(DataSource.class, IoflowAutoConfigurationTest::h2)
                .withPropertyValues("ioflow.outbox.table-prefix=shop_")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Outbox.class)).isInstanceOf(JdbcOutbox.class);
                    assertThat(context.getBean(VersionMarkerStore.class)).isInstanceOf(JdbcVersionMarkerStore.class);
                    assertThat(context.getBean(TransactionBinding.class)).isInstanceOf(SpringTransactionBinding.class);
                    try (var c = context.getBean(DataSource.class).getConnection();
                         var tables = c.getMetaData().getTables(null, null, "SHOP_OUTBOX", null)) {
                        assertThat(tables.next()).as("table shop_outbox created").isTrue();
                    }
                });
    }

    @Test
    void storeMemoryKeepsTheInMemoryStoresBesideADataSource() {
        runner.withBean(DataSource.class, IoflowAutoConfigurationTest::h2)
                .withPropertyValues("ioflow.outbox.store=memory")
                .run(context -> {
                    assertThat(context.getBean(Outbox.class)).isInstanceOf(InMemoryOutbox.class);
                    assertThat(context.getBean(VersionMarkerStore.class)).isInstanceOf(InMemoryVersionMarkerStore.class);
                    assertThat(context).doesNotHaveBean(TransactionBinding.class);
                });
    }

    @Test
    void storeJdbcWithoutDataSourceFailsNamingTheProperty() {
        runner.withPropertyValues("ioflow.outbox.store=jdbc")
                .run(context -> assertFailure(context, "ioflow.outbox.store", "no DataSource"));
    }

    @Test
    void anUnknownIntegrationObjectFailsNamingTheProperty() {
        runner.withPropertyValues(CUSTOMER_WEBHOOK)
                .withPropertyValues("ioflow.webhooks.customers.integration-object=ioNothing")
                .run(context -> assertFailure(context, "ioflow.webhooks.customers.integration-object",
                        "no integration object 'ioNothing' (known: [ioCustomer]"));
    }

    @Test
    void anUnknownDestinationFailsNamingTheProperty() {
        runner.withPropertyValues(CUSTOMER_WEBHOOK)
                .withPropertyValues("ioflow.webhooks.customers.destination=erp")
                .run(context -> assertFailure(context, "ioflow.webhooks.customers.destination",
                        "no destination 'erp' (configured: [crm])"));
    }

    @Test
    void anUnknownTargetBeanFailsNamingTheProperty() {
        runner.withPropertyValues(CUSTOMER_WEBHOOK)
                .withPropertyValues("ioflow.webhooks.customers.target=nobody")
                .run(context -> assertFailure(context, "ioflow.webhooks.customers.target",
                        "no DeliveryTarget bean named 'nobody'"));
    }

    @Test
    void aDefinitionPatternMatchingNothingFailsNamingTheProperty() {
        runner.withPropertyValues(CUSTOMER_WEBHOOK)
                .withPropertyValues("ioflow.definitions=classpath:ioflow/*.impex,classpath:nowhere/*.json")
                .run(context -> assertFailure(context, "ioflow.definitions[1]", "matches no file"));
    }

    @Test
    void missingTypesFailNamingTheProperty() {
        runner.withPropertyValues(CUSTOMER_WEBHOOK).withPropertyValues("ioflow.types=")
                .run(context -> assertFailure(context, "ioflow.types", "must name the item classes"));
    }

    @Test
    void anUnknownTypeClassFailsNamingTheProperty() {
        runner.withPropertyValues(CUSTOMER_WEBHOOK).withPropertyValues("ioflow.types=com.example.Nope")
                .run(context -> assertFailure(context, "ioflow.types[0]", "'com.example.Nope' is not on the class"));
    }

    @Test
    void badThreadsFailNamingTheProperty() {
        runner.withPropertyValues(CUSTOMER_WEBHOOK).withPropertyValues("ioflow.threads=0")
                .run(context -> assertFailure(context, "ioflow.threads", "at least 1"));
    }

    @Test
    void theConfigurationMetadataDocumentsTheProperties() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated by spring-boot-configuration-processor").isNotNull();
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(metadata).contains("\"ioflow.destinations\"", "\"ioflow.webhooks\"", "\"ioflow.definitions\"",
                    "\"ioflow.retry.max-attempts\"", "\"ioflow.outbox.store\"", "\"ioflow.threads\"");
        }
    }

    /** Asserts the start-up failure and what Boot's failure report says about it; returns the exception. */
    private static IoflowConfigurationException assertFailure(AssertableApplicationContext context, String property,
                                                              String problem) {
        assertThat(context).hasFailed();
        Throwable failure = context.getStartupFailure();
        IoflowConfigurationException e = cause(failure);
        assertThat(e.property()).isEqualTo(property);
        assertThat(e.getMessage()).startsWith(property + ": ").contains(problem);
        FailureAnalysis analysis = new IoflowFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains(e.getMessage());
        assertThat(analysis.getAction()).contains("'" + property + "'");
        return e;
    }

    private static IoflowConfigurationException cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IoflowConfigurationException e) {
                return e;
            }
        }
        throw new AssertionError("no IoflowConfigurationException in", failure);
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }
}
