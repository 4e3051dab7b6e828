package io.symphainy.runtime.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the pieces of error handling that are not picked up as MVC components: the problem writer shared with the
 * security layer and the request body limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpLimitsProperties.class)
public class ErrorHandlingConfiguration {

    /**
     * Runs right after the character-encoding and observation filters (which never read the body) and before
     * anything that might: form-content handling, Spring Security and the dispatcher servlet.
     */
    static final int BODY_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    public ProblemResponseWriter problemResponseWriter(ObjectMapper objectMapper) {
        return new ProblemResponseWriter(objectMapper);
    }

    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpLimitsProperties limits,
                                                                                 ProblemResponseWriter writer) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits, writer));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }
}
