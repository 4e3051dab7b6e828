package io.symphainy.runtime.api.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.testing.TestDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Several runtime processes on one database, each on its own port: started in parallel, killed one at a time and
 * started again in the background, and taken in turn by clients (round-robin over the nodes alive).
 */
final class NodeCluster implements AutoCloseable {

    private final TestDatabase database;
    private final Path keys;
    private final Path log;
    private final String[] arguments;
    private final AtomicReferenceArray<RuntimeProcess> nodes;
    private final String[] nodeIds;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<Integer, Integer> requests = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<Long>> restarting = new java.util.concurrent.ConcurrentHashMap<>();

    NodeCluster(TestDatabase database, Path keys, Path log, int size, String... arguments) {
        this.database = database;
        this.keys = keys;
        this.log = log;
        this.arguments = arguments;
        this.nodes = new AtomicReferenceArray<>(size);
        this.nodeIds = new String[size];
    }

    /** Starts the given nodes at the same time and waits until each is healthy. */
    void start(int... indexes) throws Exception {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int index : indexes) {
            starts.add(CompletableFuture.runAsync(() -> {
                try {
                    startNode(index);
                } catch (Exception e) {
                    throw new IllegalStateException("node " + index + " did not start", e);
                }
            }));
        }
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    }

    private void startNode(int index) throws Exception {
        RuntimeProcess node = RuntimeProcess.start(database, keys, log, arguments);
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.uri("/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        nodeIds[index] = new ObjectMapper().readTree(health.body()).path("node").asText();
        nodes.set(index, node);
    }

    /** Kills the node with SIGKILL; answers its node id. */
    String kill(int index) throws InterruptedException {
        RuntimeProcess node = nodes.getAndSet(index, null);
        node.kill();
        return nodeIds[index];
    }

    /**
     * Starts a killed node again (a new process, so a new node id) on another thread; answers how long it took to be
     * healthy once it is.
     */
    CompletableFuture<Long> restartInBackground(int index) {
        CompletableFuture<Long> restart = CompletableFuture.supplyAsync(() -> {
            try {
                startNode(index);
            } catch (Exception e) {
                throw new IllegalStateException("node " + index + " did not start again", e);
            }
            return nodes.get(index).startedIn().toMillis();
        });
        restarting.put(index, restart);
        return restart;
    }

    /**
     * Waits until the node is up and at least one other node is too, so that killing it leaves a survivor: restarts
     * still under way are waited for, others are left to run.
     */
    void awaitKillable(int index) {
        awaitRestartOf(index);
        for (int other = 0; other < nodes.length() && alive() < 2; other++) {
            awaitRestartOf(other);
        }
        if (alive() < 2) {
            throw new IllegalStateException("fewer than two nodes are up");
        }
    }

    /** Waits for every restart under way. */
    void awaitRestarts() {
        for (int index = 0; index < nodes.length(); index++) {
            awaitRestartOf(index);
        }
    }

    private void awaitRestartOf(int index) {
        CompletableFuture<Long> restart = restarting.remove(index);
        if (restart != null) {
            restart.join();
        }
    }

    private int alive() {
        int alive = 0;
        for (int index = 0; index < nodes.length(); index++) {
            alive += nodes.get(index) != null ? 1 : 0;
        }
        return alive;
    }

    /** The next live node in turn: clients spread their requests over every node alive. */
    RuntimeProcess next() {
        for (int tries = 0; tries < nodes.length() * 2; tries++) {
            int index = Math.floorMod(turn.getAndIncrement(), nodes.length());
            RuntimeProcess node = nodes.get(index);
            if (node != null) {
                requests.merge(index, 1, Integer::sum);
                return node;
            }
        }
        throw new IllegalStateException("no node is alive");
    }

    /** How many requests each node was given. */
    Map<Integer, Integer> requestsByNode() {
        return new TreeMap<>(requests);
    }

    RuntimeProcess node(int index) {
        return nodes.get(index);
    }

    String nodeId(int index) {
        return nodeIds[index];
    }

    int size() {
        return nodes.length();
    }

    /** Every claimed segment in the token store: owner → processor → number of segments. */
    Map<String, Map<String, Integer>> claims() throws SQLException {
        Map<String, Map<String, Integer>> claims = new TreeMap<>();
        try (Connection connection = connection(); ResultSet rows = connection.createStatement().executeQuery(
                "select coalesce(owner, '-'), processor_name from token_entry")) {
            while (rows.next()) {
                claims.computeIfAbsent(rows.getString(1), owner -> new TreeMap<>())
                        .merge(rows.getString(2), 1, Integer::sum);
            }
        }
        return claims;
    }

    /** Segments the node id still holds in the token store. */
    int segmentsHeldBy(String nodeId) throws SQLException {
        return claims().getOrDefault(nodeId, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** What the store holds of executions that did not finish: their events, coordinators and the claims. */
    String describe(java.util.Collection<String> executions) throws SQLException {
        StringBuilder description = new StringBuilder("claims " + claims());
        try (Connection connection = connection()) {
            for (String execution : executions) {
                description.append("\n  execution ").append(execution).append(':');
                try (java.sql.PreparedStatement events = connection.prepareStatement("select global_index,"
                        + " payload_type, meta_data ->> 'userId' from domain_event_entry"
                        + " where meta_data ->> 'executionId' = ? or aggregate_identifier = ? order by global_index")) {
                    events.setString(1, execution);
                    events.setString(2, execution);
                    try (ResultSet rows = events.executeQuery()) {
                        while (rows.next()) {
                            String type = rows.getString(2);
                            description.append(' ').append(rows.getLong(1)).append('=')
                                    .append(type.substring(type.lastIndexOf('.') + 1));
                        }
                    }
                }
                try (java.sql.PreparedStatement sagas = connection.prepareStatement(
                        "select saga_id from association_value_entry where association_value = ?")) {
                    sagas.setString(1, execution);
                    try (ResultSet rows = sagas.executeQuery()) {
                        while (rows.next()) {
                            description.append(" coordinator ").append(rows.getString(1));
                        }
                    }
                }
            }
        }
        return description.toString();
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    @Override
    public void close() throws InterruptedException {
        for (CompletableFuture<Long> restart : restarting.values()) {
            try {
                restart.join();
            } catch (RuntimeException failedToStart) {
                // nothing of it is left to stop
            }
        }
        for (int i = 0; i < nodes.length(); i++) {
            RuntimeProcess node = nodes.getAndSet(i, null);
            if (node != null) {
                node.stop();
            }
        }
    }
}
