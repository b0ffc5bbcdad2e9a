package dev.ioflow.spring.odata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.persistence.ItemRepository;
import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import dev.ioflow.odata.InboundService;
import dev.ioflow.spring.IoflowAutoConfiguration;
import dev.ioflow.spring.IoflowDefinitions;
import dev.ioflow.webhook.WebhookService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The integration objects served as OData services at {@code /odata2webservices/*} of a real Tomcat on a random
 * port: with ioflow's own Basic users without Spring Security, and behind Spring Security (its users, their roles
 * as SAP's integration groups) when the application has it, leaving the application's other paths secured.
 */
class IoflowInboundAutoConfigurationTest {
    private static final String CUSTOMER = "{\"customerID\":\"c1\",\"contactEmail\":\"ada@example.com\"}";
    private final HttpClient http = HttpClient.newHttpClient();

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner(
            AnnotationConfigServletWebServerApplicationContext::new)
            .withConfiguration(AutoConfigurations.of(TomcatServletWebServerAutoConfiguration.class,
                    IoflowAutoConfiguration.class, IoflowInboundAutoConfiguration.class))
            .withPropertyValues("server.port=0", "ioflow.types=dev.ioflow.spring.Customer",
                    "ioflow.definitions=classpath:ioflow/*.impex");

    @Test
    void withoutSpringSecurityTheServicesCheckTheirOwnUsers() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .withPropertyValues("ioflow.inbound.users.cpi.password=s3cret",
                        "ioflow.inbound.users.cpi.groups=integrationcreategroup",
                        "ioflow.inbound.users.viewer.password=look",
                        "ioflow.inbound.users.viewer.groups=integrationviewgroup")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(InboundService.class);
                    assertThat(send(context, "GET", "$metadata", null, null).statusCode()).isEqualTo(401);
                    HttpResponse<String> metadata = send(context, "GET", "$metadata", "cpi:s3cret", null);
                    assertThat(metadata.statusCode()).isEqualTo(200);
                    assertThat(metadata.body()).contains("EntityType Name=\"Customer\"");
                    assertThat(send(context, "POST", "Customers", "cpi:wrong", CUSTOMER).statusCode()).isEqualTo(401);
                    assertThat(send(context, "POST", "Customers", "viewer:look", CUSTOMER).statusCode()).isEqualTo(403);
                    assertThat(send(context, "POST", "Customers", "cpi:s3cret", CUSTOMER).statusCode()).isEqualTo(201);
                    assertThat(send(context, "GET", "Customers('c1')", "viewer:look", null).body())
                            .contains("ada@example.com");
                });
    }

    @Test
    void behindSpringSecurityItsAuthenticatedUserAndRolesAreTrusted() {
        securedRunner().withBean(ItemRepository.class, InMemoryItemRepository::new)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    HttpResponse<String> anonymous = send(context, "GET", "$metadata", null, null);
                    assertThat(anonymous.statusCode()).isEqualTo(401);
                    assertThat(anonymous.body()).as("SAP's XML error document, as Accept asks")
                            .contains("<code>unauthorized</code>", "Authentication is required.");
                    assertThat(send(context, "GET", "$metadata", "cpi:s3cret", null).statusCode()).isEqualTo(200);
                    assertThat(send(context, "POST", "Customers", "cpi:wrong", CUSTOMER).statusCode()).isEqualTo(401);
                    assertThat(send(context, "POST", "Customers", "viewer:look", CUSTOMER).statusCode())
                            .as("authenticated by Spring, but without ioflow's write right").isEqualTo(403);
                    assertThat(send(context, "POST", "Customers", "cpi:s3cret", CUSTOMER).statusCode())
                            .as("no CSRF token needed on the services' paths").isEqualTo(201);
                    assertThat(context.getBean(ItemRepository.class)).isInstanceOf(InMemoryItemRepository.class);
                    HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(
                            URI.create(base(context) + "/other")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(elsewhere.statusCode()).as("the application's default security still applies")
                            .isIn(302, 401);
                });
    }

    @Test
    void springSecuritysRefusalsAreSapErrorDocuments() {
        securedRunner().run(context -> {
            assertThat(context).hasNotFailed();
            HttpResponse<String> anonymous = send(context, "GET", "Customers", null, null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"odata2webservices\"");
            assertThat(anonymous.body()).isEqualTo("{\"error\":{\"code\":\"unauthorized\",\"message\":{\"lang\":\"en\","
                    + "\"value\":\"Authentication is required.\"}}}");
            HttpResponse<String> wrong = send(context, "POST", "Customers", "cpi:wrong", CUSTOMER);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).isEqualTo("{\"error\":{\"code\":\"unauthorized\",\"message\":{\"lang\":\"en\","
                    + "\"value\":\"The credentials are not valid.\"}}}");
            HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(URI.create(base(context) + "/other"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(elsewhere.statusCode()).as("the application's own security elsewhere").isIn(302, 401);
            assertThat(elsewhere.body()).doesNotContain("\"error\":{");
        });
    }

    @Test
    void anApplicationFilterChainForTheServicesCanAnswerWithTheSapErrorHandler() {
        securedRunner().withUserConfiguration(AdminsOnly.class).run(context -> {
            assertThat(context).hasNotFailed();
            HttpResponse<String> viewer = send(context, "GET", "Customers", "viewer:look", null);
            assertThat(viewer.statusCode()).as("denied by the application's chain, not by ioflow").isEqualTo(403);
            assertThat(viewer.body()).isEqualTo("{\"error\":{\"code\":\"forbidden\",\"message\":{\"lang\":\"en\","
                    + "\"value\":\"The user [viewer] lacks the privileges for this request.\"}}}");
            assertThat(send(context, "GET", "Customers", null, null).body()).contains("\"code\":\"unauthorized\"");
            assertThat(send(context, "GET", "Customers", "admin:boss", null).statusCode()).isEqualTo(200);
        });
    }

    @Test
    void theWebhooksAndTheServicesShareOneReadingOfTheDefinitions() {
        WebApplicationContextRunner withWebhooks = runner.withPropertyValues(
                "ioflow.destinations.crm.url=https://crm.example.com/hooks",
                "ioflow.webhooks.customers.integration-object=ioCustomer",
                "ioflow.webhooks.customers.destination=crm", "ioflow.auto-start=false",
                "ioflow.inbound.users.cpi.password=s3cret", "ioflow.inbound.users.cpi.groups=integrationadmingroup");
        ResourceCountingClassLoader webhooksOnly = new ResourceCountingClassLoader("ioflow/",
                new FilteredClassLoader("org.springframework.security"));
        withWebhooks.withClassLoader(webhooksOnly).withPropertyValues("ioflow.inbound.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(WebhookService.class));
        ResourceCountingClassLoader both = new ResourceCountingClassLoader("ioflow/",
                new FilteredClassLoader("org.springframework.security"));
        withWebhooks.withClassLoader(both).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(WebhookService.class).hasSingleBean(IoflowDefinitions.class);
            assertThat(send(context, "GET", "$metadata", "cpi:s3cret", null).statusCode()).isEqualTo(200);
        });
        assertThat(webhooksOnly.lookups()).isPositive();
        assertThat(both.lookups()).as("classpath:ioflow/*.impex is listed for the webhooks and the services together"
                + " as often as for the webhooks alone").isEqualTo(webhooksOnly.lookups());
    }

    @Test
    void theServicesServeTheApplicationsDefinitionsBean() {
        IntegrationObject io = IntegrationObject.builder("ioOwn")
                .item("Customer", item -> item.root().attribute("customerID", a -> a.unique())).build();
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .withBean(IoflowDefinitions.class, () -> IoflowDefinitions.of(List.of(io)))
                .withPropertyValues("ioflow.definitions=classpath:nowhere/*.impex",
                        "ioflow.inbound.users.cpi.password=s3cret",
                        "ioflow.inbound.users.cpi.groups=integrationadmingroup")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(URI.create(base(context)
                                    + "/odata2webservices/ioOwn/$metadata")).header("Authorization", basic("cpi:s3cret"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(metadata.statusCode()).isEqualTo(200);
                    assertThat(metadata.body()).contains("EntityType Name=\"Customer\"");
                });
    }

    @Test
    void backsOffWhenDisabledOrOutsideAServletApplication() {
        runner.withPropertyValues("ioflow.inbound.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InboundService.class));
        new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(IoflowAutoConfiguration.class,
                        IoflowInboundAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InboundService.class));
    }

    @Test
    void aUserWithoutPasswordFailsTheStartNamingTheProperty() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .withPropertyValues("ioflow.inbound.users.cpi.groups=integrationadmingroup")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("ioflow.inbound.users.cpi.password"));
    }

    private WebApplicationContextRunner securedRunner() {
        return runner.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                        ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
                        SecurityFilterAutoConfiguration.class))
                .withBean(InMemoryUserDetailsManager.class, () -> new InMemoryUserDetailsManager(
                        User.withUsername("admin").password("{noop}boss").roles("integrationadmingroup").build(),
                        User.withUsername("cpi").password("{noop}s3cret").roles("integrationcreategroup").build(),
                        User.withUsername("viewer").password("{noop}look").roles("integrationviewgroup").build()))
                .withBean("otherServlet", ServletRegistrationBean.class,
                        () -> new ServletRegistrationBean<>(new OtherServlet(), "/other"));
    }

    /** The application's own chain for the services: admins only, refusals answered by ioflow's handler. */
    @Configuration(proxyBeanMethods = false)
    static class AdminsOnly {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE + 100)
        SecurityFilterChain ioflowInboundSecurityFilterChain(HttpSecurity http, InboundSecurityErrorHandler sapErrors)
                throws Exception {
            return http.securityMatcher("/odata2webservices/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("integrationadmingroup"))
                    .httpBasic(basic -> basic.authenticationEntryPoint(sapErrors))
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(sapErrors).accessDeniedHandler(sapErrors))
                    .csrf(csrf -> csrf.disable())
                    .build();
        }
    }

    /** Counts the look-ups of one class-path folder, to see how often the definition files are listed. */
    static final class ResourceCountingClassLoader extends ClassLoader {
        private final String folder;
        private final AtomicInteger lookups = new AtomicInteger();

        ResourceCountingClassLoader(String folder, ClassLoader parent) {
            super(parent);
            this.folder = folder;
        }

        @Override
        public @Nullable URL getResource(String name) {
            count(name);
            return super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            count(name);
            return super.getResources(name);
        }

        private void count(String name) {
            if (name.equals(folder)) {
                lookups.incrementAndGet();
            }
        }

        int lookups() {
            return lookups.get();
        }
    }

    /** Another part of the application, which Boot's default security protects. */
    @SuppressWarnings("serial")
    static final class OtherServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            resp.setStatus(200);
        }
    }

    private HttpResponse<String> send(AssertableWebApplicationContext context, String method, String path,
                                      @Nullable String user, @Nullable String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(context)
                        + "/odata2webservices/ioCustomer/" + path))
                .header("Accept", path.startsWith("$metadata") ? "application/xml" : "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    private static String base(AssertableWebApplicationContext context) {
        int port = ((WebServerApplicationContext) context.getSourceApplicationContext()).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }
}
