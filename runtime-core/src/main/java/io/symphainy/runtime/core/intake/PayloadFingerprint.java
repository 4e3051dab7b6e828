package io.symphainy.runtime.core.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.symphainy.runtime.core.execution.messages.SubmitIntentCommand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SHA-256 over the canonical JSON of what an intent asks for, so a reused idempotency key can be told apart from
 * a repeated submission.
 */
final class PayloadFingerprint {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PayloadFingerprint() {
    }

    static String of(SubmitIntentCommand command, String realm) {
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("intent_type", command.intentType());
        asked.put("realm", realm);
        asked.put("session_id", command.sessionId().toString());
        asked.put("payload", command.payload());
        try {
            byte[] canonical = CANONICAL.writeValueAsString(asked).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint intent " + command.intentId(), e);
        }
    }
}
