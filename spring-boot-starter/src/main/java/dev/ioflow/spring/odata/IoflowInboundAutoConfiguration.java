package dev.ioflow.spring.odata;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.persistence.ItemRepository;
import dev.ioflow.odata.InboundSecurity;
import dev.ioflow.odata.InboundService;
import dev.ioflow.odata.InboundServlet;
import dev.ioflow.spring.IoflowAutoConfiguration;
import dev.ioflow.spring.IoflowConfigurationException;
import dev.ioflow.spring.IoflowDefinitions;
import dev.ioflow.spring.internal.TypeSystems;
import dev.ioflow.webhook.WebhookService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Serves every integration object of the {@link IoflowDefinitions} bean (those of {@code ioflow.definitions} and
 * {@link IntegrationObject} beans) as an SAP Commerce compatible OData V2 service at {@code /odata2webservices/<IO>/}
 * of the application's servlet container, when ioflow-odata is on the class path ({@code ioflow.inbound.enabled=false}
 * turns it off). Items are read and written through the application's {@link ItemRepository} bean (in memory without
 * one), over the {@link TypeSystem} bean (the application's, or the one of {@code ioflow.types}); with a
 * {@link WebhookService}, inbound writes become webhook changes.
 *
 * <p><b>Security.</b> With Spring Security, a filter chain for {@code /odata2webservices/**} (HTTP Basic, no
 * session, no CSRF token: the callers are integration clients, not browsers) requires an authenticated user, and
 * the services trust it ({@link SpringSecurityInboundServlet}); its refusals are SAP error documents
 * ({@link InboundSecurityErrorHandler}), and the application's other paths keep their own security and error pages. Without Spring Security, the services check Basic credentials themselves against
 * {@code ioflow.inbound.users}, or an {@link InboundSecurity} bean.
 *
 * @since 1.0
 */
@AutoConfiguration(after = IoflowAutoConfiguration.class, afterName =
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnClass({InboundService.class, ServletRegistrationBean.class, jakarta.servlet.Servlet.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "ioflow.inbound", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(IoflowInboundProperties.class)
public class IoflowInboundAutoConfiguration {
    /** Where the services are mounted (SAP's path). */
    public static final String PATH = InboundService.BASE_PATH + "/*";

    /** Creates the auto-configuration (instantiated by Spring). */
    public IoflowInboundAutoConfiguration() {
    }

    /** The services' own Basic-authentication users, from {@code ioflow.inbound.users}. */
    @Bean
    @ConditionalOnMissingBean
    public InboundSecurity ioflowInboundSecurity(IoflowInboundProperties properties) {
        InboundSecurity.Builder b = InboundSecurity.builder();
        properties.getUsers().forEach((name, user) -> {
            String at = "ioflow.inbound.users." + name;
            if (user.getPassword() == null || user.getPassword().isEmpty()) {
                throw new IoflowConfigurationException(at + ".password", "is required");
            }
            try {
                b.user(name, user.getPassword(), user.getGroups().toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw new IoflowConfigurationException(at, e.getMessage(), e);
            }
        });
        return b.build();
    }

    /** The OData services of every integration object. */
    @Bean
    @ConditionalOnMissingBean
    public InboundService ioflowInboundService(IoflowDefinitions definitions, InboundSecurity security,
                                               ObjectProvider<TypeSystem> types,
                                               ObjectProvider<ItemRepository> repositories,
                                               ObjectProvider<WebhookService> webhooks) {
        InboundService.Builder b = InboundService.builder().security(security);
        if (!definitions.byCode().isEmpty()) {
            TypeSystem typeSystem = TypeSystems.required(types);
            for (IntegrationObject io : definitions.byCode().values()) {
                try {
                    b.integrationObject(io, typeSystem);
                } catch (RuntimeException e) {
                    throw new IoflowConfigurationException("ioflow.definitions", "integration object " + io.code()
                            + " cannot be served: " + e.getMessage(), e);
                }
            }
        }
        repositories.ifAvailable(b::repository);
        webhooks.ifAvailable(b::webhooks);
        return b.build();
    }

    /** Mounts the services with their own authentication (no Spring Security). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.security.core.context.SecurityContextHolder")
    static class PlainServlet {
        @Bean
        @ConditionalOnMissingBean(name = "ioflowInboundServlet")
        ServletRegistrationBean<InboundServlet> ioflowInboundServlet(InboundService service) {
            return registration(new InboundServlet(service));
        }
    }

    /** Mounts the services behind Spring Security. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
    static class SpringSecured {
        @Bean
        @ConditionalOnMissingBean(name = "ioflowInboundServlet")
        ServletRegistrationBean<InboundServlet> ioflowInboundServlet(InboundService service) {
            return registration(new SpringSecurityInboundServlet(service));
        }

        /** The services' filter chain, when the application has Spring Security's web configuration. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
        static class FilterChain {
            /** Spring Security's 401 and 403 on the services' paths as SAP error documents. */
            @Bean
            @ConditionalOnMissingBean
            InboundSecurityErrorHandler ioflowInboundSecurityErrorHandler() {
                return new InboundSecurityErrorHandler();
            }

            /**
             * Requires an authenticated user on the services' paths, before the application's other chains (Boot's
             * default chain, evaluated before this configuration, still secures everything else), and answers
             * refusals with {@code errors}.
             */
            @Bean
            @Order(Ordered.HIGHEST_PRECEDENCE + 100)
            @ConditionalOnBean(HttpSecurity.class)
            @ConditionalOnMissingBean(name = "ioflowInboundSecurityFilterChain")
            SecurityFilterChain ioflowInboundSecurityFilterChain(HttpSecurity http, InboundSecurityErrorHandler errors)
                    throws Exception {
                return http.securityMatcher(InboundService.BASE_PATH + "/**")
                        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                        .httpBasic(basic -> basic.authenticationEntryPoint(errors))
                        .exceptionHandling(handling -> handling.authenticationEntryPoint(errors)
                                .accessDeniedHandler(errors))
                        .csrf(csrf -> csrf.disable())
                        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                        .build();
            }
        }
    }

    private static ServletRegistrationBean<InboundServlet> registration(InboundServlet servlet) {
        ServletRegistrationBean<InboundServlet> registration = new ServletRegistrationBean<>(servlet, PATH);
        registration.setName("ioflowInbound");
        return registration;
    }
}
