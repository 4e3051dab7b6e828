package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fuzzes every operation of the served OpenAPI document with requests jqwik generates from it: hostile path ids,
 * query values out of range, bodies with one defect each (wrong types, missing and unknown fields, bad roots, broken
 * or lenient syntax, too deep, too large, odd media types and codings, bytes that are not UTF-8), a handful of
 * missing and unknown keys, undocumented methods, and requests that go wrong on the wire (cut, slow, oversize, badly
 * framed). Every answer must be a 4xx problem with a documented code (or a 2xx to a read), no request may lose its
 * connection, nothing may be written, and the runtime must serve afterwards. Seeded: {@code -Dfuzz.seed=N} replays a
 * run, {@code -Dfuzz.tries=N} sets the requests per operation.
 */
class FuzzHttpTest extends HttpTestSupport {

    static final String FUZZ_KEY = "http-test-fuzz";
    static final String FUZZ_TENANT = "tenant-fuzz";
    private static final long SEED = Long.getLong("fuzz.seed", 17_2026_12_06L);
    private static final int TRIES = Integer.getInteger("fuzz.tries", 30);
    private static final int WIRE_TRIES = 36;
    private static final int GEN_SIZE = 1000;
    /** Fewer refused credentials than the runtime's throttle allows an address in a minute. */
    private static final List<String> CREDENTIAL_CASES = List.of("", "", "", "not-a-key", "http-test-unknown",
            "x".repeat(3000));
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Autowired
    JdbcTemplate jdbc;

    private final Random random = new Random(SEED);
    private final List<String> findings = new ArrayList<>();
    private Set<String> documentedCodes;
    private int tried;
    private int acceptedReads;
    private int refused;
    private int serverErrors;
    private int dropped;

    @Test
    void everyEndpointRefusesGeneratedBadRequestsWithProblemsWritesNothingAndStaysHealthy() throws IOException {
        JsonNode docs = get("/v3/api-docs", null).json();
        documentedCodes = new HashSet<>();
        docs.at("/components/schemas/Problem/properties/code/enum").forEach(code -> documentedCodes.add(code.asText()));
        List<ApiOperation> operations = ApiOperation.all(docs);
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThanOrEqualTo(40);
        Map<String, TableRows.Table> before = TableRows.read(jdbc, FUZZ_TENANT);
        long started = System.nanoTime();

        // Generators that flat-map memoize within a jqwik session; outside a property the test opens one itself.
        JqwikSession.start();
        try {
            for (ApiOperation operation : operations) {
                Arbitrary<Call> calls = calls(docs, operation);
                for (int i = 0; i < TRIES; i++) {
                    Call call = draw(calls);
                    judge(call.toString(), !operation.isRead(), send(call, FUZZ_KEY));
                }
            }
            sendCredentialCases(docs, operations);
            sendUndocumentedMethods(operations);
            sendOnTheWire(operations);
        } finally {
            JqwikSession.finish();
        }

        await("event processors to settle after the fuzz run", this::eventProcessorsReady, ready -> ready);
        sleep(Duration.ofSeconds(1));
        List<TableRows.Change> changes = TableRows.changes(before, TableRows.read(jdbc, FUZZ_TENANT));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        int written = changes.stream().mapToInt(change -> change.namingTenant().size()).sum();
        System.out.printf("FUZZ seed=%d tries=%d: %d requests tried (%d refused with a problem, %d reads accepted),"
                        + " %d 5xx, %d dropped, %d rows written; %d rows changed by other tenants' timers; %d s%n",
                SEED, TRIES, tried, refused, acceptedReads, serverErrors, dropped, written,
                changes.stream().mapToInt(change -> change.added() + change.removed()).sum() - written, seconds);

        changes.forEach(change -> System.out.printf("FUZZ changed %s: +%d -%d, naming %s: %s%n", change.table(),
                change.added(), change.removed(), FUZZ_TENANT, change.namingTenant()));
        assertThat(findings).as("findings of seed %d (rerun with -Dfuzz.seed=%d)", SEED, SEED).isEmpty();
        assertThat(changes.stream().filter(change -> !change.namingTenant().isEmpty()).toList())
                .as("rows naming %s written by the fuzz run", FUZZ_TENANT).isEmpty();
        assertServesAndSeesWrites(before);
    }

    /** Requests for one operation: hostile path ids, query values out of range, a body with one defect. */
    private Arbitrary<Call> calls(JsonNode docs, ApiOperation operation) {
        List<String> variables = Routes.variables(operation.path());
        Arbitrary<String> paths = variables.isEmpty() ? Arbitraries.just(operation.path())
                : Combinators.combine(variables.stream().map(name -> FuzzInputs.pathSegment()).toList())
                        .as(values -> Routes.fill(operation.path(), name -> values.get(variables.indexOf(name))));
        List<Arbitrary<String>> queries = new ArrayList<>();
        for (JsonNode parameter : operation.queryParameters()) {
            queries.add(FuzzInputs.queryValue(ApiOperation.resolve(docs, parameter.path("schema")))
                    .map(value -> parameter.path("name").asText() + "=" + value).optional(0.6)
                    .map(value -> value.orElse("")));
        }
        queries.add(FuzzInputs.hostileText().map(value -> "x_fuzz=" + FuzzInputs.encode(value)).optional(0.2)
                .map(value -> value.orElse("")));
        Arbitrary<String> query = Combinators.combine(queries).as(parts -> parts.stream()
                .filter(part -> !part.isEmpty()).collect(Collectors.joining("&")));
        Arbitrary<Optional<FuzzBodies.Body>> bodies = operation.hasBody()
                ? FuzzBodies.defective(docs, operation).map(Optional::of) : Arbitraries.just(Optional.empty());
        return Combinators.combine(paths, query, bodies).as((path, search, body) -> new Call(operation.method(),
                search.isEmpty() ? path : path + "?" + search, body.orElse(null)));
    }

    /** A few requests without a key or with keys the runtime does not know, to operations drawn at random. */
    private void sendCredentialCases(JsonNode docs, List<ApiOperation> operations) {
        for (String key : CREDENTIAL_CASES) {
            ApiOperation operation = draw(Arbitraries.of(operations));
            Call call = draw(calls(docs, operation));
            judge(call + " with key '" + key.substring(0, Math.min(20, key.length())) + "'", !operation.isRead(),
                    send(call, key.isEmpty() ? null : key));
        }
    }

    /** Each path with one method the document does not list for it. */
    private void sendUndocumentedMethods(List<ApiOperation> operations) {
        Map<String, Set<String>> methodsByPath = operations.stream().collect(Collectors.groupingBy(
                ApiOperation::path, Collectors.mapping(ApiOperation::method, Collectors.toSet())));
        methodsByPath.forEach((path, methods) -> {
            List<String> others = METHODS.stream().filter(method -> !methods.contains(method)).toList();
            if (!others.isEmpty()) {
                String target = Routes.fill(path, name -> FuzzInputs.encode(draw(FuzzInputs.uuidLike())));
                Call call = new Call(draw(Arbitraries.of(others)), target, null);
                judge(call.toString(), true, send(call, FUZZ_KEY));
            }
        });
    }

    /** Requests written on a bare socket to the operations with a typed JSON body. */
    private void sendOnTheWire(List<ApiOperation> operations) throws IOException {
        List<ApiOperation> targets = operations.stream().filter(operation -> operation.readsJson()
                && operation.bodySchema() != null && operation.bodySchema().has("properties")).toList();
        Arbitrary<FuzzWire.WireRequest> requests = FuzzWire.requests(targets, MAX_BODY_BYTES, FUZZ_KEY);
        for (int i = 0; i < WIRE_TRIES; i++) {
            FuzzWire.WireRequest request = draw(requests);
            if (request.shape() == FuzzWire.Shape.CHUNKED_ABANDONED) {
                RawHttpExchange.abandon(port, FuzzJson.concat(request.parts().toArray(byte[][]::new)),
                        request.pause());
                tried++;
                continue;
            }
            RawHttpExchange.Outcome outcome = RawHttpExchange.exchange(port, request.parts(), request.pause(),
                    request.closeSending());
            if (request.shape().fullySent() || outcome.answered()) {
                judge(request.toString(), true, outcome);
            } else {
                tried++;
            }
        }
    }

    private RawHttpExchange.Outcome send(Call call, String apiKey) {
        byte[] body = call.body() == null ? new byte[0] : call.body().bytes();
        StringBuilder head = new StringBuilder(call.method()).append(' ').append(call.target())
                .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
                .append("Accept: application/json, application/problem+json\r\n");
        if (apiKey != null) {
            head.append("X-API-Key: ").append(apiKey).append("\r\n");
        }
        if (call.body() != null) {
            head.append("Content-Type: ").append(call.body().contentType()).append("\r\n");
            if (call.body().contentEncoding() != null) {
                head.append("Content-Encoding: ").append(call.body().contentEncoding()).append("\r\n");
            }
        }
        if (call.body() != null || !call.method().equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try {
            return RawHttpExchange.exchange(port, List.of(head.toString().getBytes(StandardCharsets.UTF_8), body),
                    Duration.ZERO, false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not connect for " + call, e);
        }
    }

    /** Counts the answer and records a finding unless it is a problem with a documented code or a read's 2xx. */
    private void judge(String request, boolean write, RawHttpExchange.Outcome outcome) {
        tried++;
        String label = "#" + tried + " " + request.substring(0, Math.min(200, request.length()));
        if (!outcome.answered()) {
            dropped++;
            findings.add(label + ": connection dropped: " + outcome);
        } else if (outcome.status() >= 500) {
            serverErrors++;
            findings.add(label + ": " + outcome);
        } else if (outcome.status() < 300 && outcome.status() >= 200) {
            acceptedReads++;
            if (write) {
                findings.add(label + ": accepted: " + outcome);
            }
        } else if (outcome.status() >= 400) {
            refused++;
            JsonNode problem = parse(outcome.body());
            if (!outcome.header("Content-Type").startsWith(PROBLEM_JSON)
                    || !documentedCodes.contains(problem.path("code").asText())
                    || problem.path("status").asInt() != outcome.status()) {
                findings.add(label + ": not a problem with a documented code: " + outcome);
            }
        } else {
            findings.add(label + ": unexpected status: " + outcome);
        }
    }

    /** The runtime still serves, and the no-write check would have seen a write: a real one shows up in it. */
    private void assertServesAndSeesWrites(Map<String, TableRows.Table> before) {
        assertStatus(get("/health", null), 200);
        String sessionId = createSession(FUZZ_KEY);
        assertStatus(get("/session/" + sessionId, FUZZ_KEY), 200);
        List<TableRows.Change> changes = TableRows.changes(before, TableRows.read(jdbc, FUZZ_TENANT));
        assertThat(changes.stream().mapToInt(change -> change.namingTenant().size()).sum())
                .as("rows naming %s after a session was created", FUZZ_TENANT).isPositive();
    }

    private <T> T draw(Arbitrary<T> arbitrary) {
        return arbitrary.generatorWithEmbeddedEdgeCases(GEN_SIZE).next(random).value();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return JSON.missingNode();
        }
    }

    /** One generated request: method, target as written on the request line, and the body, if any. */
    private record Call(String method, String target, FuzzBodies.Body body) {

        @Override
        public String toString() {
            return method + " " + target + (body == null ? "" : " [" + body.defect() + " " + body.contentType()
                    + (body.contentEncoding() == null ? "" : " " + body.contentEncoding()) + ", "
                    + body.bytes().length + " bytes]");
        }
    }
}
