package io.symphainy.runtime.api;

import io.symphainy.runtime.core.RuntimeCoreConfiguration;
import io.symphainy.runtime.realm.content.ContentRealmConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The Symphainy Runtime HTTP application: REST endpoints in front of the runtime core and its realms.
 */
@SpringBootApplication
@Import({RuntimeCoreConfiguration.class, ContentRealmConfiguration.class})
public class RuntimeApplication {

    public static void main(String[] args) {
        SpringApplication.run(RuntimeApplication.class, args);
    }
}
