package dev.ioflow.examples.boot;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.Credential;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.emarsys.ContactMapping;
import dev.ioflow.emarsys.EmarsysClient;
import dev.ioflow.emarsys.EmarsysContactTarget;
import dev.ioflow.testing.EmarsysStandIn;
import dev.ioflow.webhook.spi.DeliveryTarget;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Emarsys side: the {@code emarsys} destination (OAuth 2.0 client credentials) and the contact target the
 * webhook of application.yml names. Without {@code emarsys.api-url} the destination is an embedded Emarsys
 * stand-in on a loopback port, so the example runs offline.
 */
@Configuration(proxyBeanMethods = false)
public class EmarsysConfiguration {
    /** The destination id used in application.yml. */
    public static final String DESTINATION = "emarsys";
    private static final String STAND_IN_CLIENT = "shop";
    private static final String STAND_IN_SECRET = "stand-in-secret";

    /** Creates the configuration (instantiated by Spring). */
    public EmarsysConfiguration() {
    }

    /**
     * The embedded Emarsys, when no real one is configured.
     *
     * @param environment for {@code emarsys.customer-id-field}
     * @return the started stand-in
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "emarsys.api-url", havingValue = "embedded", matchIfMissing = true)
    public EmarsysStandIn emarsysStandIn(Environment environment) {
        return EmarsysStandIn.builder().oauth(STAND_IN_CLIENT, STAND_IN_SECRET)
                .customField(customerIdField(environment), "Customer ID").build().start();
    }

    /**
     * The {@code emarsys} destination: the stand-in, or {@code emarsys.api-url} with {@code emarsys.client-id},
     * {@code emarsys.client-secret} and {@code emarsys.token-url}.
     *
     * @param standIn     the stand-in, when it runs
     * @param environment the settings
     * @return the registry (replacing the one ioflow would build from {@code ioflow.destinations})
     */
    @Bean
    public DestinationRegistry destinationRegistry(ObjectProvider<EmarsysStandIn> standIn, Environment environment) {
        EmarsysStandIn embedded = standIn.getIfAvailable();
        ConsumedDestination emarsys = embedded != null
                ? ConsumedDestination.builder(DESTINATION, embedded.apiBaseUrl(3)).credential(Credential
                        .oauth2ClientCredentials(embedded.tokenUrl(), STAND_IN_CLIENT, STAND_IN_SECRET).build()).build()
                : ConsumedDestination.builder(DESTINATION, environment.getRequiredProperty("emarsys.api-url"))
                        .credential(Credential.oauth2ClientCredentials(
                                environment.getProperty("emarsys.token-url", "https://auth.emarsys.net/oauth2/token"),
                                environment.getRequiredProperty("emarsys.client-id"),
                                environment.getRequiredProperty("emarsys.client-secret")).build())
                        .build();
        return DestinationRegistry.builder().add(emarsys).build();
    }

    /**
     * Delivers {@code ioCustomer} changes as Emarsys contacts: e-mail to field 3, names to 1 and 2, the customer id
     * to a custom field that is also the key field.
     *
     * @param destinations ioflow's destination client
     * @param environment  for {@code emarsys.customer-id-field}
     * @return the target named by {@code ioflow.webhooks.customers-to-emarsys.target}
     */
    @Bean
    public DeliveryTarget emarsysTarget(DestinationClient destinations, Environment environment) {
        int keyField = customerIdField(environment);
        ContactMapping mapping = ContactMapping.builder().field("contactEmail", 3).field("firstName", 1)
                .field("lastName", 2).field("customerID", keyField).keyField(keyField).build();
        return EmarsysContactTarget.builder(EmarsysClient.builder().destination(destinations, DESTINATION).build(),
                mapping).build();
    }

    private static int customerIdField(Environment environment) {
        return environment.getProperty("emarsys.customer-id-field", Integer.class, 12345);
    }
}
