package io.symphainy.runtime.bench.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A pool of open sessions the load is spread over, round robin, as many clients would. */
final class Sessions {

    private final List<String> ids = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    Sessions(RuntimeClient client, int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            ids.add(client.createSession());
        }
    }

    String next() {
        return ids.get(Math.floorMod(next.getAndIncrement(), ids.size()));
    }
}
