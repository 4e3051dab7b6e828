package io.symphainy.runtime.api.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of requests written on a bare socket: bytes that are not UTF-8, a declared length far beyond the
 * limit, chunked bodies that stop half-way, clients that write a few bytes at a time, oversize bodies sent whole and
 * broken framing.
 */
final class FuzzWire {

    /** How the request goes wrong on the wire. */
    enum Shape {
        INVALID_UTF8, OVERSIZE_DECLARED, CHUNKED_CUT, CHUNKED_ABANDONED, SLOW_BODY, SLOW_HEADERS, OVERSIZE_CHUNKED,
        OVERSIZE_SENT, BAD_FRAMING;

        /** Shapes whose request is written whole, so the server owes an answer. */
        boolean fullySent() {
            return this != CHUNKED_CUT && this != CHUNKED_ABANDONED;
        }
    }

    /** A request as written: its shape, target, the parts written with a pause between, and how the client stops. */
    record WireRequest(Shape shape, String target, List<byte[]> parts, Duration pause, boolean closeSending) {

        @Override
        public String toString() {
            return shape + " " + target;
        }
    }

    /** Past Tomcat's default swallow limit of 2 MiB, so the server need not read the body it refuses. */
    private static final long UNSWALLOWED = 3L << 20;

    private FuzzWire() {
    }

    /** Requests to the JSON body operations given, with path ids that name nothing, against the body limit given. */
    static Arbitrary<WireRequest> requests(List<ApiOperation> targets, int maxBodyBytes, String apiKey) {
        Arbitrary<String> paths = Arbitraries.of(targets).flatMap(operation -> FuzzInputs.uuidLike()
                .map(id -> operation.method() + " " + Routes.fill(operation.path(), name -> FuzzInputs.encode(id))));
        return Combinators.combine(Arbitraries.of(Shape.class), paths, Arbitraries.integers().between(1, 1000))
                .flatAs((shape, target, number) -> shaped(shape, target, number, maxBodyBytes, apiKey));
    }

    private static Arbitrary<WireRequest> shaped(Shape shape, String target, int number, int maxBodyBytes,
                                                 String apiKey) {
        String unknownField = "{\"x_fuzz_field_" + number + "\":1}";
        return switch (shape) {
            case INVALID_UTF8 -> FuzzJson.invalidUtf8().map(bytes -> whole(shape, target, apiKey, FuzzJson.concat(
                    "{\"".getBytes(StandardCharsets.UTF_8), bytes, "\":1}".getBytes(StandardCharsets.UTF_8))));
            case OVERSIZE_DECLARED -> Arbitraries.longs().between(UNSWALLOWED, 1L << 40).map(length -> new WireRequest(
                    shape, target, List.of(head(target, apiKey, "Content-Length: " + length), ascii("{\"a\":")),
                    Duration.ZERO, false));
            case CHUNKED_CUT, CHUNKED_ABANDONED -> Arbitraries.integers().between(1, 9).map(cut -> new WireRequest(
                    shape, target, List.of(head(target, apiKey, "Transfer-Encoding: chunked"),
                    ascii("a\r\n{\"context\"\r\n10\r\n{\"a\":1".substring(0, 5 + cut))), Duration.ofMillis(20 * cut),
                    shape == Shape.CHUNKED_CUT));
            case SLOW_BODY, SLOW_HEADERS -> Arbitraries.integers().between(4, 10).map(pieces -> {
                byte[] whole = FuzzJson.concat(head(target, apiKey, "Content-Length: " + unknownField.length()),
                        ascii(unknownField));
                int from = shape == Shape.SLOW_BODY ? whole.length - unknownField.length() : 0;
                return new WireRequest(shape, target, split(whole, from, pieces), Duration.ofMillis(60), false);
            });
            case OVERSIZE_CHUNKED -> Arbitraries.integers().between(maxBodyBytes + 1, maxBodyBytes * 4).map(size -> {
                List<byte[]> parts = new ArrayList<>(List.of(head(target, apiKey, "Transfer-Encoding: chunked")));
                for (int sent = 0; sent < size; sent += 8192) {
                    parts.add(ascii("2000\r\n" + "x".repeat(8192) + "\r\n"));
                }
                parts.add(ascii("0\r\n\r\n"));
                return new WireRequest(shape, target, parts, Duration.ZERO, false);
            });
            case OVERSIZE_SENT -> Arbitraries.integers().between(maxBodyBytes + 1, maxBodyBytes * 4).map(size ->
                    whole(shape, target, apiKey, ascii("{\"x\":\"" + "x".repeat(size) + "\"}")));
            case BAD_FRAMING -> Arbitraries.of("Content-Length: abc\r\n\r\n{}", "Content-Length: -5\r\n\r\n{}",
                            "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", "Transfer-Encoding: chunked\r\n"
                                    + "Content-Length: 2\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                            "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                            "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                            "Transfer-Encoding: identity\r\n\r\n{}")
                    .map(rest -> new WireRequest(shape, target, List.of(FuzzJson.concat(head(target, apiKey, null),
                            ascii(rest))), Duration.ZERO, false));
        };
    }

    private static WireRequest whole(Shape shape, String target, String apiKey, byte[] body) {
        return new WireRequest(shape, target, List.of(head(target, apiKey, "Content-Length: " + body.length), body),
                Duration.ZERO, false);
    }

    /** The request line and headers; with framing null the caller writes the framing headers and the blank line. */
    private static byte[] head(String target, String apiKey, String framing) {
        return ascii(target + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + apiKey + "\r\nContent-Type:"
                + " application/json\r\nAccept: application/json\r\nConnection: close\r\n"
                + (framing == null ? "" : framing + "\r\n\r\n"));
    }

    private static List<byte[]> split(byte[] bytes, int from, int pieces) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(Arrays.copyOfRange(bytes, 0, from));
        int step = Math.max(1, (bytes.length - from) / pieces);
        for (int at = from; at < bytes.length; at += step) {
            parts.add(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + step)));
        }
        return parts;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
