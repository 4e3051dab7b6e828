package io.symphainy.runtime.core.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets the runtime must keep but never show again (webhook signing secrets) before they reach the event
 * store or a read model: AES-256-GCM under the node's sealing key, bound to a context (the owning resource) so that
 * a sealed value copied to another resource does not open. A sealed value reads
 * {@code sealed:v1:<key id>:<base64url of nonce and ciphertext>}; the key id lets a node with the wrong key say so.
 * Values stored before sealing existed (no {@code sealed:} prefix) are returned as they are.
 */
public final class SecretSealer {

    /** The prefix of every sealed value. */
    public static final String PREFIX = "sealed:v1:";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param key the 32-byte AES-256 key
     * @throws IllegalArgumentException when the key is not 32 bytes long
     */
    public SecretSealer(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a sealing key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = keyId(key);
    }

    /** The first 8 hex digits of the key's SHA-256: names the key in sealed values and errors, reveals nothing. */
    public String keyId() {
        return keyId;
    }

    /** The sealed form of {@code secret}, openable only with this key and the same {@code context}. */
    public String seal(String secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is available on every Java platform", impossible);
        }
    }

    /**
     * The secret a value stands for: opened when sealed, as it is when stored before sealing existed.
     *
     * @throws SecretUnsealingException when the value was sealed with another key, for another context, or altered
     */
    public String unseal(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new SecretUnsealingException("the sealed value is malformed");
        }
        String sealedWith = rest.substring(0, colon);
        if (!sealedWith.equals(keyId)) {
            throw new SecretUnsealingException("the secret was sealed with key " + sealedWith
                    + " but this node's sealing key is " + keyId);
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(rest.substring(colon + 1));
            if (bytes.length <= NONCE_BYTES) {
                throw new SecretUnsealingException("the sealed value is malformed");
            }
            byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, context);
            byte[] secret = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(secret, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException refused) {
            throw new SecretUnsealingException("the sealed value does not open for this context with key " + keyId);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", impossible);
        }
    }

    @Override
    public String toString() {
        return "SecretSealer[keyId=" + keyId + "]";
    }
}
