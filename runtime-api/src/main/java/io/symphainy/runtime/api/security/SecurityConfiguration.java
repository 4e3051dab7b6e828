package io.symphainy.runtime.api.security;

import io.symphainy.runtime.api.error.ProblemResponseWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The HTTP security of the runtime: every request is authenticated by API key (from the keys file, or issued by an
 * administrator) or, when configured, by a bearer JWT, except health checks; no session or cookie is ever issued
 * (hence no CSRF protection, which defends cookies), and controllers declare the roles they need with
 * {@code @PreAuthorize("hasRole('SUBMITTER')")}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({ApiKeysProperties.class, JwtProperties.class, FailedAuthenticationProperties.class})
public class SecurityConfiguration {

    /** Paths that load balancers and orchestrators probe without credentials. */
    static final String[] PUBLIC_PATHS = {"/health", "/actuator/health", "/actuator/health/**"};

    /** The web console's page and static assets: they hold no data, and the console's API calls carry the key. */
    static final String[] CONSOLE_PATHS = {"/", "/index.html", "/console/**", "/favicon.ico"};

    /**
     * What a console page may load and run: only the runtime's own scripts, styles and API (its live stream
     * included), no inline script or style, no plugin, and no framing by another site.
     */
    static final String CONSOLE_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * No Spring Security observations: an observation around every filter of the chain and around every
     * authorization cost each request a share of its CPU and fed no meter the runtime publishes. Disabling them by name
     * ({@code management.observations.enable.spring.security}) made them no-ops but left the wrappers in every request.
     */
    @Bean
    public SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public ApiKeyRegistry apiKeyRegistry(ApiKeysProperties properties, Environment environment) {
        boolean quickStartMode = environment.getProperty(ApiKeyRegistryLoader.QUICK_START_PROPERTY, Boolean.class,
                false);
        return ApiKeyRegistryLoader.load(properties, quickStartMode);
    }

    @Bean
    public FailedAuthenticationLimiter failedAuthenticationLimiter(FailedAuthenticationProperties properties,
                                                                   ObjectProvider<MeterRegistry> meters) {
        return new FailedAuthenticationLimiter(properties, Clock.systemUTC(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    public ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiKeyRegistry registry,
                                                                     ObjectProvider<IssuedApiKeys> issuedKeys) {
        IssuedApiKeys issued = issuedKeys.getIfAvailable();
        return issued == null ? new ApiKeyAuthenticationProvider(registry)
                : new ApiKeyAuthenticationProvider(registry, issued);
    }

    /**
     * The filter is created here rather than declared as a bean, because Spring Boot would also register a filter
     * bean with the servlet container and run it outside the security chain.
     */
    @Bean
    public SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiKeyAuthenticationProvider provider,
                                                      ProblemResponseWriter problemWriter,
                                                      JwtProperties jwtProperties,
                                                      FailedAuthenticationLimiter limiter) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problemWriter, limiter);
        ApiKeyAuthenticationFilter apiKeyFilter = new ApiKeyAuthenticationFilter(new ProviderManager(provider),
                entryPoint);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problemWriter)))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(consolePages(),
                                new StaticHeadersWriter("Content-Security-Policy", CONSOLE_CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(new FailedAuthenticationThrottleFilter(limiter, problemWriter),
                        LogoutFilter.class)
                .addFilterBefore(apiKeyFilter, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // Error dispatches render a failure of a request that was already checked.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, CONSOLE_PATHS).permitAll()
                        .anyRequest().authenticated());
        if (jwtProperties.enabled()) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(new ProblemAccessDeniedHandler(problemWriter))
                    .jwt(jwt -> jwt.decoder(jwtDecoder(jwtProperties))
                            .jwtAuthenticationConverter(new JwtPrincipalConverter())));
        }
        return http.build();
    }

    private static RequestMatcher consolePages() {
        return new OrRequestMatcher(Arrays.stream(CONSOLE_PATHS).map(AntPathRequestMatcher::antMatcher)
                .map(RequestMatcher.class::cast).toList());
    }

    /** HS256 with the shared secret, or the issuer's published keys. */
    static JwtDecoder jwtDecoder(JwtProperties properties) {
        if (properties.usesHmac()) {
            SecretKeySpec key = new SecretKeySpec(properties.hmacSecret().getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256");
            return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        }
        return NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().strip()).build();
    }
}
