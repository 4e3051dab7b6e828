package io.symphainy.runtime.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealingKeysTest {

    @TempDir
    Path directory;

    @Test
    void aMissingKeyFileIsCreatedReadableByItsOwnerOnlyAndReusedAfterwards() throws Exception {
        Path file = directory.resolve("nested/sealing.key");

        byte[] first = SealingKeys.load(new SecretsProperties(null, null), file);
        byte[] second = SealingKeys.load(new SecretsProperties(null, null), file);

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void aConfiguredKeyWinsOverTheFile() {
        byte[] key = SealingKeys.load(new SecretsProperties(SecretSealerTest.encoded(7), directory.resolve("k")),
                directory.resolve("default"));

        assertThat(key).isEqualTo(SecretSealerTest.key(7));
        assertThat(directory.resolve("k")).doesNotExist();
    }

    @Test
    void processesStartingTogetherAgreeOnOneKey() throws Exception {
        Path file = directory.resolve("sealing.key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> keys = new ArrayList<>();
            for (int node = 0; node < 8; node++) {
                keys.add(pool.submit(() -> SealingKeys.load(new SecretsProperties(null, file), file)));
            }
            byte[] onDisk = SealingKeys.load(new SecretsProperties(null, file), file);
            for (Future<byte[]> key : keys) {
                assertThat(key.get()).isEqualTo(onDisk);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyThatIsNotBase64Of32BytesIsRefusedNamingItsSource() throws Exception {
        assertThatThrownBy(() -> SealingKeys.load(new SecretsProperties("not base64!", null), directory))
                .hasMessageContaining("runtime.secrets.sealing-key").hasMessageContaining("not base64");
        Path shortKey = Files.writeString(directory.resolve("short.key"), "AAAA");
        assertThatThrownBy(() -> SealingKeys.load(new SecretsProperties(null, shortKey), directory))
                .hasMessageContaining(shortKey.toString()).hasMessageContaining("32 bytes");
    }
}
