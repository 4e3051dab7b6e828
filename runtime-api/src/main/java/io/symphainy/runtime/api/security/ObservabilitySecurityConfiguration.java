package io.symphainy.runtime.api.security;

import io.symphainy.runtime.api.error.ProblemResponseWriter;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;

/**
 * Security of the observability endpoints, in chains of their own ahead of the API's chain: the Prometheus scrape
 * (operators and admins, who see their own tenant's series and the runtime-wide ones, or Prometheus with the scrape
 * token, which sees every series) and the API documentation (public: reading the
 * contract needs no credential, calling it does).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScrapeTokenProperties.class)
public class ObservabilitySecurityConfiguration {

    /** The Prometheus scrape endpoint. */
    static final String PROMETHEUS_PATH = "/actuator/prometheus";
    /** The OpenAPI document and Swagger UI. */
    static final String[] API_DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    @Order(1)
    public SecurityFilterChain prometheusScrapeFilterChain(HttpSecurity http, ApiKeyAuthenticationProvider provider,
                                                           ProblemResponseWriter problemWriter,
                                                           JwtProperties jwtProperties,
                                                           ScrapeTokenProperties scrapeToken,
                                                           FailedAuthenticationLimiter limiter) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problemWriter, limiter);
        ScrapeTokenAuthenticationFilter scrapeFilter = new ScrapeTokenAuthenticationFilter(scrapeToken,
                jwtProperties.enabled(), entryPoint);
        stateless(http.securityMatcher(PROMETHEUS_PATH))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problemWriter)))
                .addFilterBefore(new FailedAuthenticationThrottleFilter(limiter, problemWriter),
                        LogoutFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(new ProviderManager(provider), entryPoint),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(scrapeFilter, AnonymousAuthenticationFilter.class)
                .addFilterAfter(new TenantScopedScrapeFilter(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().hasAnyAuthority(Role.OPERATOR.authority(), Role.ADMIN.authority(),
                                ScrapeTokenAuthenticationFilter.SCRAPE_AUTHORITY));
        if (jwtProperties.enabled()) {
            DefaultBearerTokenResolver bearerTokens = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(new ProblemAccessDeniedHandler(problemWriter))
                    .bearerTokenResolver(request -> scrapeFilter.carriesScrapeToken(request) ? null
                            : bearerTokens.resolve(request))
                    .jwt(jwt -> jwt.decoder(SecurityConfiguration.jwtDecoder(jwtProperties))
                            .jwtAuthenticationConverter(new JwtPrincipalConverter())));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain apiDocsFilterChain(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher(API_DOCS_PATHS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
}
