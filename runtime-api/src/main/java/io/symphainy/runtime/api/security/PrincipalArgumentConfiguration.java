package io.symphainy.runtime.api.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers {@link RuntimePrincipalArgumentResolver} with Spring MVC so that controllers can take the caller as a
 * plain {@link RuntimePrincipal} parameter.
 */
@Configuration(proxyBeanMethods = false)
public class PrincipalArgumentConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RuntimePrincipalArgumentResolver());
    }
}
