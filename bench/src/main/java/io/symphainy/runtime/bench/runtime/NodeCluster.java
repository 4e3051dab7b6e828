package io.symphainy.runtime.bench.runtime;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * Several runtime nodes on one database: each a {@code runtime-api.jar} process of its own on a free port, with a
 * small connection pool so that three fit beside the other users of the server, and its output in
 * {@code <name>-node<i>.log} (with {@code --jfr}, a recording per process in {@code <name>-node<i>-<n>.jfr}).
 * Requests go to the live nodes in turn; the token store ({@code token_entry}) tells which node holds which segments
 * of the streaming processors.
 */
final class NodeCluster implements AutoCloseable {

    static final String COORDINATOR = "saga-coordinator";
    static final String READ_MODELS = "read-models";
    /** Each node's connection pool: three nodes take 30 of the server's 100 connections, which others share. */
    static final String POOL_SIZE = "10";
    static final String POOL_SIZE_VARIABLE = "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE";

    private record Node(RuntimeProcess process, RuntimeClient client, String id) {
    }

    private final BenchOptions options;
    private final Databases databases;
    private final String database;
    private final Path workDir;
    private final String name;
    private final AtomicReferenceArray<Node> nodes;
    private final AtomicInteger turn = new AtomicInteger();
    /** Clients of killed nodes, closed with the cluster: requests in flight on them fail by themselves. */
    private final List<RuntimeClient> retired = new ArrayList<>();

    private NodeCluster(BenchOptions options, Databases databases, String database, Path workDir, String name,
                        int size) {
        this.options = options;
        this.databases = databases;
        this.database = database;
        this.workDir = workDir;
        this.name = name;
        this.nodes = new AtomicReferenceArray<>(size);
    }

    /**
     * Starts {@code size} nodes on the database: the first alone (it migrates the fresh database), then the others
     * at the same time; answers once every one is healthy.
     */
    static NodeCluster start(int size, BenchOptions options, Databases databases, String database, Path workDir,
                             String name) throws Exception {
        NodeCluster cluster = new NodeCluster(options, databases, database, workDir, name, size);
        try {
            cluster.startNode(0);
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (int index = 1; index < size; index++) {
                int node = index;
                starts.add(CompletableFuture.runAsync(() -> {
                    try {
                        cluster.startNode(node);
                    } catch (Exception e) {
                        throw new IllegalStateException("node " + node + " did not start", e);
                    }
                }));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    private void startNode(int index) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(POOL_SIZE_VARIABLE, POOL_SIZE);
        env.putAll(options.runtimeEnv());
        String node = name + "-node" + index;
        Path jfr = options.jfr() ? workDir.resolve(node + "-" + System.nanoTime() + ".jfr") : null;
        RuntimeProcess process = RuntimeProcess.start(options.runtimeJar(), databases, database,
                RuntimeBenchmark.freePort(), workDir, jfr, env, node + ".log");
        RuntimeClient client = new RuntimeClient(process.baseUri());
        nodes.set(index, new Node(process, client, client.getJson("/health").path("node").asText()));
    }

    /** Kills the node with SIGKILL; answers its node id, the owner its segments keep until others claim them. */
    String kill(int index) throws InterruptedException {
        Node node = nodes.getAndSet(index, null);
        node.process().kill();
        synchronized (retired) {
            retired.add(node.client());
        }
        return node.id();
    }

    /** Starts a killed node again (a new process, so a new node id); answers the milliseconds until it was healthy. */
    long restart(int index) throws Exception {
        long started = System.nanoTime();
        startNode(index);
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    /** The client of the next live node in turn: requests spread over every node alive. */
    RuntimeClient next() {
        for (int tries = 0; tries < nodes.length() * 2; tries++) {
            Node node = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.length()));
            if (node != null) {
                return node.client();
            }
        }
        throw new IllegalStateException("no node is alive");
    }

    RuntimeClient client(int index) {
        return nodes.get(index).client();
    }

    String nodeId(int index) {
        Node node = nodes.get(index);
        return node == null ? null : node.id();
    }

    int size() {
        return nodes.length();
    }

    /** CPU time every live node has used so far, in ms, summed. */
    double cpuMillis() {
        double sum = 0;
        for (int i = 0; i < nodes.length(); i++) {
            Node node = nodes.get(i);
            if (node != null) {
                sum += node.process().cpuMillis();
            }
        }
        return sum;
    }

    /** Every segment in the token store: owner ({@code -} if none) → processor → number of segments. */
    Map<String, Map<String, Integer>> claims() throws SQLException {
        return SegmentOwners.claims(databases, database);
    }

    /** Segments, of any processor, the node id still holds in the token store. */
    int segmentsHeldBy(String nodeId) throws SQLException {
        return SegmentOwners.heldBy(claims(), nodeId);
    }

    /** The live node holding the most segments of the coordinator and the read models (the first of equals). */
    int busiest() throws SQLException {
        return SegmentOwners.busiest(claims(), nodeIds());
    }

    /** Each node's id; {@code null} for a node not alive. */
    List<String> nodeIds() {
        return IntStream.range(0, nodes.length()).mapToObj(this::nodeId).toList();
    }

    /**
     * Waits until every live node holds a segment of the coordinator; answers the milliseconds it took, or -1 if it
     * did not happen within {@code within} (the run goes on, and the printed claims show how the work was shared).
     */
    long awaitSpread(Duration within) throws SQLException, InterruptedException {
        return SegmentOwners.awaitCoordinatorOnEvery(this::claims, this::nodeIds, within);
    }

    /** Stops every live node gracefully, all at once, and closes the clients. */
    @Override
    public void close() throws InterruptedException {
        List<Thread> stops = new ArrayList<>();
        for (int i = 0; i < nodes.length(); i++) {
            Node node = nodes.getAndSet(i, null);
            if (node != null) {
                node.client().close();
                Thread stop = new Thread(() -> {
                    try {
                        node.process().close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "stop-" + name + "-node" + i);
                stop.start();
                stops.add(stop);
            }
        }
        for (Thread stop : stops) {
            stop.join();
        }
        synchronized (retired) {
            retired.forEach(RuntimeClient::close);
        }
    }
}
