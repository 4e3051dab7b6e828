package io.symphainy.runtime.core.secret;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key that seals stored secrets comes from, bound from {@code runtime.secrets.*}. Every node of one
 * database must use the same key, and the key must be backed up with the database: a lost key makes the sealed
 * secrets unreadable.
 *
 * @param sealingKey     the AES-256 key, base64 of 32 random bytes; wins over the file when set
 * @param sealingKeyFile a file holding the key in that form; created with a new random key (readable by its owner
 *                       only) when missing; defaults to {@code sealing.key} in {@code runtime.data-dir}
 */
@ConfigurationProperties("runtime.secrets")
public record SecretsProperties(String sealingKey, Path sealingKeyFile) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "SecretsProperties[sealingKey=" + (sealingKey == null || sealingKey.isBlank() ? "(unset)" : "(set)")
                + ", sealingKeyFile=" + sealingKeyFile + "]";
    }
}
