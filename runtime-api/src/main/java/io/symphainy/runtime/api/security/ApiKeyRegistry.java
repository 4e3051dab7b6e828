package io.symphainy.runtime.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API keys the runtime accepts, each bound to a tenant, a user and roles. Only SHA-256 hashes of the keys are
 * kept, so a heap dump or a debugger shows no usable credential; a presented key is hashed and looked up.
 */
public final class ApiKeyRegistry {

    private static final String HASH_ALGORITHM = "SHA-256";

    private final Map<String, RuntimePrincipal> principalsByKeyHash;

    private ApiKeyRegistry(Map<String, RuntimePrincipal> principalsByKeyHash) {
        this.principalsByKeyHash = Map.copyOf(principalsByKeyHash);
    }

    /**
     * Validates the entries of a keys file and keeps their hashes.
     *
     * @param source where the entries came from, named in error messages
     * @throws IllegalStateException naming the index of the first blank key, tenant or user, unknown role, missing
     *                               roles or repeated key
     */
    static ApiKeyRegistry of(String source, List<ApiKeyFileEntry> entries) {
        Map<String, RuntimePrincipal> principals = new HashMap<>();
        Map<String, Integer> indexByHash = new HashMap<>();
        for (int index = 0; index < entries.size(); index++) {
            ApiKeyFileEntry entry = entries.get(index);
            String prefix = "API keys file " + source + ", entry at index " + index + ": ";
            requireText(entry.key(), prefix + "key is blank");
            requireText(entry.tenantId(), prefix + "tenant_id is blank");
            requireText(entry.userId(), prefix + "user_id is blank");
            String hash = hash(entry.key());
            Integer earlier = indexByHash.putIfAbsent(hash, index);
            if (earlier != null) {
                throw new IllegalStateException(prefix + "repeats the key of the entry at index " + earlier);
            }
            principals.put(hash, new RuntimePrincipal(entry.tenantId(), entry.userId(), roles(entry, prefix)));
        }
        return new ApiKeyRegistry(principals);
    }

    /** The principal a presented key stands for; empty for null, blank and unknown keys. */
    public Optional<RuntimePrincipal> lookup(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(principalsByKeyHash.get(hash(presentedKey)));
    }

    /** The hex SHA-256 hashes of the accepted keys, for audits that check which keys are deployed. */
    public Set<String> keyHashes() {
        return principalsByKeyHash.keySet();
    }

    public int size() {
        return principalsByKeyHash.size();
    }

    /** The tenants that have at least one key, sorted. */
    public Set<String> tenants() {
        Set<String> tenants = new TreeSet<>();
        principalsByKeyHash.values().forEach(principal -> tenants.add(principal.tenantId()));
        return tenants;
    }

    @Override
    public String toString() {
        return "ApiKeyRegistry[keys=" + size() + ", tenants=" + tenants() + "]";
    }

    /** The lower-case hex SHA-256 of the key's UTF-8 bytes, the form in which keys are stored. */
    public static String hash(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance(HASH_ALGORITHM);
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform must provide " + HASH_ALGORITHM, impossible);
        }
    }

    private static Set<Role> roles(ApiKeyFileEntry entry, String prefix) {
        if (entry.roles() == null || entry.roles().isEmpty()) {
            throw new IllegalStateException(prefix + "roles must list at least one role");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : entry.roles()) {
            try {
                roles.add(Role.fromExternalName(name));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalStateException(prefix + unknown.getMessage(), unknown);
            }
        }
        return roles;
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(message);
        }
    }
}
