package io.symphainy.runtime.api.security;

import io.symphainy.runtime.api.error.ProblemResponseWriter;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The HTTP security of the runtime: every request is authenticated by API key except health checks, no session or
 * cookie is ever issued (hence no CSRF protection, which defends cookies), and controllers declare the roles they
 * need with {@code @PreAuthorize("hasRole('SUBMITTER')")}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(ApiKeysProperties.class)
public class SecurityConfiguration {

    /** Paths that load balancers and orchestrators probe without credentials. */
    static final String[] PUBLIC_PATHS = {"/health", "/actuator/health", "/actuator/health/**"};

    @Bean
    public ApiKeyRegistry apiKeyRegistry(ApiKeysProperties properties, Environment environment) {
        boolean quickStartMode = environment.getProperty(ApiKeyRegistryLoader.QUICK_START_PROPERTY, Boolean.class,
                false);
        return ApiKeyRegistryLoader.load(properties, quickStartMode);
    }

    @Bean
    public ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiKeyRegistry registry) {
        return new ApiKeyAuthenticationProvider(registry);
    }

    /**
     * The filter is created here rather than declared as a bean, because Spring Boot would also register a filter
     * bean with the servlet container and run it outside the security chain.
     */
    @Bean
    public SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiKeyAuthenticationProvider provider,
                                                      ProblemResponseWriter problemWriter) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problemWriter);
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
                .addFilterBefore(apiKeyFilter, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // Error dispatches render a failure of a request that was already checked.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }
}
