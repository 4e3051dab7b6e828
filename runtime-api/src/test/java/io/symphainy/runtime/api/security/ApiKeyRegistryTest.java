package io.symphainy.runtime.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyRegistryTest {

    private static final String YAML = """
            - key: key-one
              tenant_id: t1
              user_id: u1
              roles: [submitter, approver]
            - key: key-two
              tenant_id: t2
              user_id: u2
              roles: [admin]
            """;

    private static final String JSON = """
            [{"key": "key-one", "tenant_id": "t1", "user_id": "u1", "roles": ["submitter", "approver"]},
             {"key": "key-two", "tenant_id": "t2", "user_id": "u2", "roles": ["admin"]}]
            """;

    @TempDir
    Path dir;

    @Test
    void loadsYamlFile() throws IOException {
        assertTwoKeys(ApiKeyRegistryLoader.fromFile(write("keys.yaml", YAML)));
    }

    @Test
    void loadsJsonFile() throws IOException {
        assertTwoKeys(ApiKeyRegistryLoader.fromFile(write("keys.json", JSON)));
    }

    @Test
    void detectsFormatFromContentWhenExtensionSaysNothing() throws IOException {
        assertTwoKeys(ApiKeyRegistryLoader.fromFile(write("keys-json", JSON)));
        assertTwoKeys(ApiKeyRegistryLoader.fromFile(write("keys-yaml", YAML)));
    }

    @Test
    void keepsOnlyHashesOfKeys() throws IOException {
        ApiKeyRegistry registry = ApiKeyRegistryLoader.fromFile(write("keys.yaml", YAML));

        assertThat(registry.keyHashes()).containsExactlyInAnyOrder(
                ApiKeyRegistry.hash("key-one"), ApiKeyRegistry.hash("key-two"));
        assertThat(registry.keyHashes()).doesNotContain("key-one", "key-two")
                .allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
        assertThat(registry.toString()).doesNotContain("key-one").doesNotContain("key-two")
                .doesNotContain(ApiKeyRegistry.hash("key-one"));
        assertThat(ApiKeyRegistry.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void unknownAndBlankKeysFindNobody() throws IOException {
        ApiKeyRegistry registry = ApiKeyRegistryLoader.fromFile(write("keys.yaml", YAML));

        assertThat(registry.lookup("key-three")).isEmpty();
        assertThat(registry.lookup("")).isEmpty();
        assertThat(registry.lookup(null)).isEmpty();
        assertThat(registry.lookup(ApiKeyRegistry.hash("key-one"))).as("a hash is not a key").isEmpty();
    }

    @Test
    void refusesDuplicateKeysNamingBothEntries() throws IOException {
        Path file = write("keys.yaml", YAML + """
                - key: key-one
                  tenant_id: t3
                  user_id: u3
                  roles: [auditor]
                """);
        assertThatThrownBy(() -> ApiKeyRegistryLoader.fromFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entry at index 2")
                .hasMessageContaining("repeats the key of the entry at index 0")
                .hasMessageNotContaining("key-one");
    }

    @Test
    void refusesUnknownRolesNamingTheEntry() throws IOException {
        Path file = write("keys.yaml", YAML.replace("[admin]", "[admin, superuser]"));
        assertThatThrownBy(() -> ApiKeyRegistryLoader.fromFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entry at index 1")
                .hasMessageContaining("unknown role 'superuser'")
                .hasMessageContaining("submitter, approver, operator, auditor, admin");
    }

    @Test
    void refusesBlankFieldsAndMissingRoles() throws IOException {
        assertRefused(YAML.replace("key: key-two", "key: \" \""), "entry at index 1: key is blank");
        assertRefused(YAML.replace("tenant_id: t1", "tenant_id: \"\""), "entry at index 0: tenant_id is blank");
        assertRefused(YAML.replace("  user_id: u2\n", ""), "entry at index 1: user_id is blank");
        assertRefused(YAML.replace("[admin]", "[]"), "entry at index 1: roles must list at least one role");
    }

    @Test
    void refusesMisspeltFieldsAndEmptyFiles() throws IOException {
        assertRefused(YAML.replace("tenant_id: t2", "tenant: t2"), "entry at index 1");
        assertRefused("[]", "lists no keys");
        assertRefused("key: k\ntenant_id: t\n", "is not a list of {key, tenant_id, user_id, roles} entries");
        assertRefused("- key: \"unterminated\n", "is not valid JSON or YAML");
        assertRefused("- key: [k]\n  tenant_id: t\n", "entry at index 0");
    }

    @Test
    void parseErrorsDoNotQuoteTheFile() throws IOException {
        Path file = write("keys.json", "[{\"key\": secretvalue123}]");
        assertThatThrownBy(() -> ApiKeyRegistryLoader.fromFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("secretvalue123")
                .hasNoCause();
    }

    private void assertRefused(String content, String message) throws IOException {
        Path file = write("keys.yaml", content);
        assertThatThrownBy(() -> ApiKeyRegistryLoader.fromFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }

    private static void assertTwoKeys(ApiKeyRegistry registry) {
        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.tenants()).containsExactly("t1", "t2");
        assertThat(registry.lookup("key-one")).contains(
                new RuntimePrincipal("t1", "u1", Set.of(Role.SUBMITTER, Role.APPROVER)));
        assertThat(registry.lookup("key-two")).contains(new RuntimePrincipal("t2", "u2", Set.of(Role.ADMIN)));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
