package io.symphainy.runtime.core.wal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the tunables of the WAL tail.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WalTailProperties.class)
class WalTailConfiguration {
}
