package io.symphainy.runtime.api.logging;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Log context of HTTP requests: the caller from a filter ordered right after Spring Security's, the path's session
 * and execution from a handler interceptor.
 */
@Configuration(proxyBeanMethods = false)
public class RequestLogContextConfiguration implements WebMvcConfigurer {

    @Bean
    public FilterRegistrationBean<RequestLogContextFilter> requestLogContextFilter() {
        FilterRegistrationBean<RequestLogContextFilter> registration =
                new FilterRegistrationBean<>(new RequestLogContextFilter());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PathLogContextInterceptor());
    }
}
