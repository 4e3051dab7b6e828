package io.symphainy.runtime.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of multipart upload bodies that are malformed before any intent is formed: no session id, one
 * that is not an id, no file or an empty one, an intent type uploads do not take; some with the multipart framing
 * broken as well (a boundary the body does not use, a body cut short, no boundary at all). A well-formed upload to
 * an unknown session is left out on purpose: the runtime records it as a rejected execution so that auditors see
 * every attempt.
 */
final class FuzzMultipart {

    private static final String BOUNDARY = "fuzz-boundary-7f3a";

    /** The form fields of one upload; an empty optional leaves the field out. */
    private record Fields(Optional<String> sessionId, Optional<String> intentType, Optional<byte[]> file) {
    }

    private FuzzMultipart() {
    }

    static Arbitrary<FuzzBodies.Body> bodies() {
        Arbitrary<String> filenames = Arbitraries.oneOf(Arbitraries.of("a.txt", "../../etc/passwd", "", "a\u0000.pdf",
                "x".repeat(300) + ".txt"), Arbitraries.strings().all().ofMaxLength(20));
        return Combinators.combine(fields(), filenames, Arbitraries.integers().between(0, 3))
                .as(FuzzMultipart::framed);
    }

    /** Fields with exactly one field-level defect that the upload endpoint refuses before it stages anything. */
    private static Arbitrary<Fields> fields() {
        Arbitrary<Optional<String>> unknownSessions = Arbitraries.longs().tuple2()
                .map(pair -> Optional.of(new UUID(pair.get1(), pair.get2()).toString()));
        Arbitrary<Optional<String>> intentTypes = Arbitraries.of("content.upload", "content.import").optional(0.5);
        Arbitrary<Optional<byte[]>> files = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2000)
                .map(Optional::of);
        return Arbitraries.integers().between(0, 3).flatMap(defect -> switch (defect) {
            case 0 -> Combinators.combine(intentTypes, files).as((type, file) -> new Fields(Optional.empty(), type,
                    file));
            case 1 -> Combinators.combine(FuzzInputs.hostileText(), intentTypes, files).as((session, type, file) ->
                    new Fields(Optional.of(session), type, file));
            case 2 -> Combinators.combine(unknownSessions, intentTypes, Arbitraries.of(Optional.<byte[]>empty(),
                    Optional.of(new byte[0]))).as(Fields::new);
            default -> Combinators.combine(unknownSessions, FuzzInputs.hostileText(), files).as((session, type,
                    file) -> new Fields(session, Optional.of(type), file));
        });
    }

    private static FuzzBodies.Body framed(Fields fields, String filename, int framing) {
        StringBuilder text = new StringBuilder();
        fields.sessionId().ifPresent(id -> field(text, "session_id", id));
        fields.intentType().ifPresent(type -> field(text, "intent_type", type));
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] filePart = fields.file().map(bytes -> FuzzJson.concat(("--" + BOUNDARY + "\r\nContent-Disposition:"
                + " form-data; name=\"file\"; filename=\"" + filename.replace("\"", "") + "\"\r\nContent-Type:"
                + " application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8), bytes,
                "\r\n".getBytes(StandardCharsets.UTF_8))).orElse(new byte[0]);
        byte[] whole = FuzzJson.concat(head, filePart, ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String contentType = "multipart/form-data; boundary=" + BOUNDARY;
        return switch (framing) {
            case 1 -> new FuzzBodies.Body(FuzzBodies.Defect.BROKEN_MULTIPART,
                    "multipart/form-data; boundary=another-boundary", whole, null);
            case 2 -> new FuzzBodies.Body(FuzzBodies.Defect.BROKEN_MULTIPART, contentType,
                    Arrays.copyOf(whole, whole.length / 2), null);
            case 3 -> new FuzzBodies.Body(FuzzBodies.Defect.BROKEN_MULTIPART, "multipart/form-data",
                    FuzzJson.concat(head, filePart), null);
            default -> new FuzzBodies.Body(FuzzBodies.Defect.MALFORMED_FIELDS, contentType, whole, null);
        };
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\n\r\n").append(value).append("\r\n");
    }
}
