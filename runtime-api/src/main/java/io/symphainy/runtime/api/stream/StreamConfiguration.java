package io.symphainy.runtime.api.stream;

import io.symphainy.runtime.api.error.ProblemResponseWriter;
import io.symphainy.runtime.api.security.AccessTokenQueryParameterFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The live event streams: plain WebSocket (no STOMP) at {@value #EXECUTION_STREAMS} and {@value #SESSION_STREAMS},
 * authenticated like REST, with the API key also accepted as the {@code access_token} query parameter there.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(StreamProperties.class)
public class StreamConfiguration implements WebSocketConfigurer {

    static final String EXECUTION_STREAMS = "/stream/execution/*";
    static final String SESSION_STREAMS = "/stream/session/*";

    private final StreamHub hub;
    private final StreamTargets targets;
    private final ProblemResponseWriter problems;
    private final StreamProperties properties;

    StreamConfiguration(StreamHub hub, StreamTargets targets, ProblemResponseWriter problems,
                        StreamProperties properties) {
        this.hub = hub;
        this.targets = targets;
        this.problems = problems;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new StreamHandler(hub), EXECUTION_STREAMS, SESSION_STREAMS)
                .addInterceptors(new StreamHandshake(targets, problems))
                .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }

    /** Ahead of every other filter, so no filter, security's included, sees (or logs) the key in the query. */
    @Bean
    FilterRegistrationBean<AccessTokenQueryParameterFilter> streamAccessTokenFilter() {
        FilterRegistrationBean<AccessTokenQueryParameterFilter> registration =
                new FilterRegistrationBean<>(new AccessTokenQueryParameterFilter());
        registration.addUrlPatterns("/stream/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
