package io.symphainy.runtime.core.quota;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the quota settings: the defaults ({@code runtime.quota.default.*}) and the rest ({@code runtime.quota.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({QuotaDefaults.class, QuotaProperties.class})
public class QuotaConfiguration {
}
