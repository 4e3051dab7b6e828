package io.symphainy.runtime.realm.content;

import io.symphainy.runtime.realm.content.config.ContentProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Spring entry point of the content realm: the application imports it to register the realm's capabilities.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(ContentProperties.class)
public class ContentRealmConfiguration {
}
