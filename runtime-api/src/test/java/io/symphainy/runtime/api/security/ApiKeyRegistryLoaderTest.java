package io.symphainy.runtime.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyRegistryLoaderTest {

    private static final ApiKeysProperties NO_FILE = new ApiKeysProperties("");

    @TempDir
    Path dir;

    @Test
    void quickStartModeFallsBackToTheBundledDevelopmentKeys() {
        ApiKeyRegistry registry = ApiKeyRegistryLoader.load(NO_FILE, true);

        assertThat(registry.tenants()).containsExactly("tenant-a", "tenant-b");
        assertThat(registry.lookup("dev-submitter-a"))
                .contains(new RuntimePrincipal("tenant-a", "alice", Set.of(Role.SUBMITTER)));
        assertThat(registry.lookup("dev-operator-a"))
                .contains(new RuntimePrincipal("tenant-a", "olivia", Set.of(Role.OPERATOR, Role.AUDITOR)));
        assertThat(registry.lookup("dev-admin-a"))
                .contains(new RuntimePrincipal("tenant-a", "ada", EnumSet.allOf(Role.class)));
        assertThat(registry.lookup("dev-submitter-b"))
                .contains(new RuntimePrincipal("tenant-b", "bob", Set.of(Role.SUBMITTER)));
        assertThat(registry.lookup("dev-operator-b"))
                .contains(new RuntimePrincipal("tenant-b", "bruno", Set.of(Role.OPERATOR, Role.AUDITOR)));
        assertThat(registry.size()).isEqualTo(5);
    }

    @Test
    void withoutQuickStartModeAMissingKeysFileStopsStartUp() {
        assertThatThrownBy(() -> ApiKeyRegistryLoader.load(NO_FILE, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RUNTIME_API_KEYS_FILE");
        assertThatThrownBy(() -> ApiKeyRegistryLoader.load(new ApiKeysProperties(null), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RUNTIME_API_KEYS_FILE");
    }

    @Test
    void aConfiguredFileWinsOverTheDevelopmentKeys() throws IOException {
        Path file = Files.writeString(dir.resolve("keys.yaml"), """
                - {key: own-key, tenant_id: acme, user_id: root, roles: [admin]}
                """);

        ApiKeyRegistry registry = ApiKeyRegistryLoader.load(new ApiKeysProperties(file.toString()), true);

        assertThat(registry.lookup("own-key")).isPresent();
        assertThat(registry.lookup("dev-submitter-a")).isEmpty();
    }

    @Test
    void aConfiguredFileThatDoesNotExistStopsStartUp() {
        ApiKeysProperties properties = new ApiKeysProperties(dir.resolve("absent.yaml").toString());

        assertThatThrownBy(() -> ApiKeyRegistryLoader.load(properties, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("absent.yaml")
                .hasMessageContaining("does not exist");
    }
}
