package dev.ioflow.spring.odata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.persistence.ItemRepository;
import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import dev.ioflow.odata.InboundService;
import dev.ioflow.spring.IoflowAutoConfiguration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

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
        runner.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                        ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
                        SecurityFilterAutoConfiguration.class))
                .withBean(InMemoryUserDetailsManager.class, () -> new InMemoryUserDetailsManager(
                        User.withUsername("cpi").password("{noop}s3cret").roles("integrationcreategroup").build(),
                        User.withUsername("viewer").password("{noop}look").roles("integrationviewgroup").build()))
                .withBean(ItemRepository.class, InMemoryItemRepository::new)
                .withBean("otherServlet", ServletRegistrationBean.class,
                        () -> new ServletRegistrationBean<>(new OtherServlet(), "/other"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(send(context, "GET", "$metadata", null, null).statusCode()).isEqualTo(401);
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
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base(AssertableWebApplicationContext context) {
        int port = ((WebServerApplicationContext) context.getSourceApplicationContext()).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }
}
