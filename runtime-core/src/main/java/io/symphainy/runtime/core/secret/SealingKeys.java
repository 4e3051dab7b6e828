package io.symphainy.runtime.core.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the sealing key from the configured value or key file, creating the file with a new random key the first
 * time; the file appears complete or not at all and is never replaced, so that nodes or test runs starting together on one directory end up with the same key.
 */
final class SealingKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SealingKeys.class);
    private static final int KEY_BYTES = 32;

    private SealingKeys() {
    }

    /**
     * @throws IllegalStateException naming the setting or file when the key is not base64 of 32 bytes, or the file
     *                               cannot be read or created
     */
    static byte[] load(SecretsProperties properties, Path defaultKeyFile) {
        if (properties.sealingKey() != null && !properties.sealingKey().isBlank()) {
            return decode(properties.sealingKey(), "runtime.secrets.sealing-key");
        }
        Path file = properties.sealingKeyFile() != null ? properties.sealingKeyFile() : defaultKeyFile;
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "sealing key file " + file);
        } catch (IOException failure) {
            throw new IllegalStateException("Cannot read or create the sealing key file " + file.toAbsolutePath()
                    + " (runtime.secrets.sealing-key-file): " + failure, failure);
        }
    }

    private static void create(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path draft = Files.createTempFile(directory, ".sealing", ".tmp");
        try {
            restrictToOwner(draft);
            Files.writeString(draft, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            publish(draft, file);
            LOG.warn("Created a new sealing key in {}. Back it up with the database, and give every node of this "
                    + "database the same key (runtime.secrets.sealing-key or -file): secrets sealed with a lost key "
                    + "cannot be opened.", file.toAbsolutePath());
        } catch (FileAlreadyExistsException raced) {
            LOG.debug("Another process created {} first; using its key", file);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /** Links the finished draft under the key file's name, failing if another process published one first. */
    private static void publish(Path draft, Path file) throws IOException {
        try {
            Files.createLink(file, draft);
        } catch (UnsupportedOperationException noHardLinks) {
            Files.move(draft, file);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | AccessDeniedException notPosix) {
            LOG.debug("Cannot restrict {} to its owner on this file system", file);
        }
    }

    private static byte[] decode(String encoded, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(source + " is not base64", notBase64);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must be base64 of " + KEY_BYTES + " bytes, not " + key.length
                    + " bytes (generate one with: openssl rand -base64 32)");
        }
        return key;
    }
}
