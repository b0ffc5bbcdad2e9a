package dev.ioflow.spring;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.spring.internal.DefinitionLoader;
import dev.ioflow.spring.internal.DestinationFactory;
import dev.ioflow.spring.internal.OnTypesCondition;
import dev.ioflow.spring.internal.OnWebhooksCondition;
import dev.ioflow.spring.internal.TypeSystems;
import dev.ioflow.spring.internal.WebhookFactory;
import dev.ioflow.webhook.RetryPolicy;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookEventListener;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.jdbc.JdbcStoreBuilder;
import dev.ioflow.webhook.jdbc.JdbcVersionMarkerStore;
import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.memory.InMemoryVersionMarkerStore;
import dev.ioflow.spring.jdbc.SpringTransactionBinding;
import dev.ioflow.webhook.spi.ChangeContext;
import dev.ioflow.webhook.spi.DeliveryInterceptor;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.TransactionBinding;
import dev.ioflow.webhook.spi.VersionMarkerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Auto-configures ioflow from {@link IoflowProperties}: the {@link IoflowDefinitions} (read once), the
 * {@link TypeSystem} of {@code ioflow.types}, a {@link DestinationRegistry} and {@link DestinationClient},
 * a {@link RetryPolicy}, the outbox and version-marker stores (JDBC on the application's {@link DataSource}, in
 * memory without one), and, when some webhook is configured ({@code ioflow.webhooks.*} or
 * {@link WebhookConfiguration} beans), a {@link WebhookService} started and closed with the context. Every bean
 * backs off when the application declares its own of the same type.
 *
 * @since 1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(IoflowProperties.class)
public class IoflowAutoConfiguration {

    /** Creates the auto-configuration (instantiated by Spring). */
    public IoflowAutoConfiguration() {
    }

    /**
     * The integration objects of the files of {@code ioflow.definitions}, then of the {@link IntegrationObject}
     * beans, read once for the webhooks and the inbound services. A file that does not parse fails the start with
     * each problem's place (ImpEx {@code file:line:column}, or JSON path and line).
     */
    @Bean
    @ConditionalOnMissingBean
    public IoflowDefinitions ioflowDefinitions(IoflowProperties properties,
                                               ObjectProvider<IntegrationObject> integrationObjectBeans,
                                               BeanFactory beans) {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(TypeSystems.classLoader(beans));
        return DefinitionLoader.load(properties.getDefinitions(), resolver,
                integrationObjectBeans.orderedStream().toList());
    }

    /** The type system over the item classes of {@code ioflow.types}, when that names some. */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnTypesCondition.class)
    public TypeSystem ioflowTypeSystem(IoflowProperties properties, BeanFactory beans) {
        return TypeSystems.of(properties.getTypes(), TypeSystems.classLoader(beans));
    }

    /** The destinations of {@code ioflow.destinations.*}. */
    @Bean
    @ConditionalOnMissingBean
    public DestinationRegistry ioflowDestinationRegistry(IoflowProperties properties) {
        return DestinationFactory.registry(properties);
    }

    /** Sends to the registry's destinations. */
    @Bean
    @ConditionalOnMissingBean
    public DestinationClient ioflowDestinationClient(DestinationRegistry registry) {
        return DestinationClient.builder().registry(registry).build();
    }

    /** The retry policy of {@code ioflow.retry.*}. */
    @Bean
    @ConditionalOnMissingBean
    public RetryPolicy ioflowRetryPolicy(IoflowProperties properties) {
        IoflowProperties.Retry r = properties.getRetry();
        RetryPolicy.Builder b = RetryPolicy.defaults().newBuilder();
        // Built after each setting so that a rejected value is reported under its own property.
        retrySetting(b, "initial-delay", r.getInitialDelay(), b::initialDelay);
        retrySetting(b, "multiplier", r.getMultiplier(), b::multiplier);
        retrySetting(b, "max-delay", r.getMaxDelay(), b::maxDelay);
        retrySetting(b, "max-attempts", r.getMaxAttempts(), b::maxAttempts);
        retrySetting(b, "max-age", r.getMaxAge(), b::maxAge);
        return b.build();
    }

    private static <T> void retrySetting(RetryPolicy.Builder b, String name, @Nullable T value,
                                         Consumer<T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
            b.build();
        } catch (RuntimeException e) {
            throw new IoflowConfigurationException("ioflow.retry." + name,
                    e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** The in-memory outbox, when no other exists (no data source, or {@code ioflow.outbox.store=memory}). */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Outbox ioflowOutbox(IoflowProperties properties) {
        requireNotJdbc(properties);
        return new InMemoryOutbox();
    }

    /** The in-memory version markers, when no other store exists. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public VersionMarkerStore ioflowVersionMarkerStore(IoflowProperties properties) {
        requireNotJdbc(properties);
        return new InMemoryVersionMarkerStore();
    }

    /**
     * The webhook service: the webhooks of {@code ioflow.webhooks.*} (over the {@link IoflowDefinitions} bean) plus
     * every {@link WebhookConfiguration} bean, over the outbox, markers, destinations and retry policy beans; the
     * items are rendered over the {@link TypeSystem} bean (the application's, or the one of {@code ioflow.types});
     * every
     * {@link WebhookEventListener} bean (e.g. the metrics) observes it, and every {@link WebhookServiceCustomizer}
     * bean adjusts the builder last. With a {@link TransactionBinding} bean (auto-configured beside the JDBC
     * stores) {@code saved}/{@code deleted} inside a Spring transaction write their changes into it. A
     * {@link ChangeContext} bean (e.g. the tracing one) captures the caller's context with each change, and every
     * {@link DeliveryInterceptor} bean wraps the target calls, in order. Not started here: see
     * {@link WebhookServiceLifecycle}.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnWebhooksCondition.class)
    public WebhookService webhookService(IoflowProperties properties, DestinationClient destinations,
                                         Outbox outbox, VersionMarkerStore markers, RetryPolicy retryPolicy,
                                         IoflowDefinitions definitions, ObjectProvider<TypeSystem> types,
                                         ObjectProvider<WebhookConfiguration> webhookBeans,
                                         ObjectProvider<WebhookEventListener> listeners,
                                         ObjectProvider<TransactionBinding> transactionBindings,
                                         ObjectProvider<ChangeContext> changeContexts,
                                         ObjectProvider<DeliveryInterceptor> interceptors,
                                         ObjectProvider<WebhookServiceCustomizer> customizers, BeanFactory beans) {
        List<WebhookConfiguration> webhooks = new ArrayList<>(WebhookFactory.webhooks(properties, definitions,
                () -> TypeSystems.required(types), destinations.registry(), beans));
        webhookBeans.orderedStream().forEach(webhooks::add);
        WebhookService.Builder b = WebhookService.builder()
                .destinations(destinations)
                .outbox(outbox)
                .markers(markers)
                .retryPolicy(retryPolicy)
                .pollInterval(properties.getPollInterval())
                .lease(properties.getLease())
                .drainTimeout(properties.getDrainTimeout())
                .claimSize(properties.getClaimSize());
        try {
            b.threads(properties.getThreads());
        } catch (IllegalArgumentException e) {
            throw new IoflowConfigurationException("ioflow.threads", e.getMessage(), e);
        }
        webhooks.forEach(b::webhook);
        List<WebhookEventListener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            b.eventListener(all.size() == 1 ? all.get(0)
                    : WebhookEventListener.composite(all.toArray(WebhookEventListener[]::new)));
        }
        transactionBindings.ifAvailable(b::transactionBinding);
        changeContexts.ifUnique(b::changeContext);
        interceptors.orderedStream().forEach(b::deliveryInterceptor);
        customizers.orderedStream().forEach(c -> c.customize(b));
        try {
            return b.build();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IoflowConfigurationException("ioflow.webhooks", e.getMessage(), e);
        }
    }

    /** Starts and stops the webhook service with the context ({@code ioflow.auto-start}). */
    @Bean
    @ConditionalOnBean(WebhookService.class)
    @ConditionalOnMissingBean
    public WebhookServiceLifecycle ioflowWebhookServiceLifecycle(WebhookService service,
                                                                 IoflowProperties properties) {
        return new WebhookServiceLifecycle(service, properties.isAutoStart());
    }

    private static void requireNotJdbc(IoflowProperties properties) {
        if (properties.getOutbox().getStore() == IoflowProperties.OutboxStore.JDBC) {
            throw new IoflowConfigurationException("ioflow.outbox.store",
                    "is jdbc but the application has no DataSource bean");
        }
    }

    /** The JDBC stores on the application's data source (unless {@code ioflow.outbox.store=memory}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnExpression("!'${ioflow.outbox.store:auto}'.equalsIgnoreCase('memory')")
    static class JdbcStores {
        /** The JDBC outbox. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        Outbox ioflowOutbox(DataSource dataSource, IoflowProperties properties) {
            return configure(JdbcOutbox.builder(), dataSource, properties).build();
        }

        /** The JDBC version markers. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        VersionMarkerStore ioflowVersionMarkerStore(DataSource dataSource, IoflowProperties properties) {
            return configure(JdbcVersionMarkerStore.builder(), dataSource, properties).build();
        }

        /**
         * Lets the JDBC outbox append into the application's Spring transaction on the same data source (needs
         * spring-jdbc, which every Boot JDBC application has).
         */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.springframework.jdbc.datasource.DataSourceUtils")
        static class Transactions {
            @Bean
            @ConditionalOnMissingBean
            TransactionBinding ioflowTransactionBinding(DataSource dataSource) {
                return new SpringTransactionBinding(dataSource);
            }
        }

        private static <S> JdbcStoreBuilder<S> configure(JdbcStoreBuilder<S> b, DataSource dataSource,
                                                         IoflowProperties properties) {
            b.dataSource(dataSource).createSchema(properties.getOutbox().isCreateSchema());
            String prefix = properties.getOutbox().getTablePrefix();
            if (prefix != null) {
                try {
                    b.tablePrefix(prefix);
                } catch (RuntimeException e) {
                    throw new IoflowConfigurationException("ioflow.outbox.table-prefix", e.getMessage(), e);
                }
            }
            return b;
        }
    }
}
