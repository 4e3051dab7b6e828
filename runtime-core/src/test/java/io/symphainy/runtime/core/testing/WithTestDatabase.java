package io.symphainy.runtime.core.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Gives a Spring test its own fresh, empty PostgreSQL database via {@link TestDatabaseInitializer}.
 *
 * <p>Initializers run after the runtime application has prepared its environment, and by then the runtime would
 * already have started its quick-start embedded database because no URL was configured. The inlined property is
 * applied before that point and keeps the embedded database from starting. A test class that declares its own
 * {@code @ContextConfiguration} hides this one; it must then list {@link TestDatabaseInitializer} itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@TestPropertySource(properties = "runtime.embedded-database.auto-start=false")
public @interface WithTestDatabase {
}
