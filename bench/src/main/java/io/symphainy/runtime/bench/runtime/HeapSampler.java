package io.symphainy.runtime.bench.runtime;

/** Samples the child JVM's used heap once a second while load runs, keeping the highest sample. */
final class HeapSampler implements AutoCloseable {

    private final RuntimeProcess runtime;
    private final Thread sampler;
    private volatile double peakMiB;
    private volatile boolean running = true;

    HeapSampler(RuntimeProcess runtime) {
        this.runtime = runtime;
        this.sampler = new Thread(this::sample, "heap-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    double peakMiB() {
        return peakMiB;
    }

    private void sample() {
        while (running) {
            try {
                peakMiB = Math.max(peakMiB, runtime.heapUsedMiB());
                Thread.sleep(1_000);
            } catch (InterruptedException stop) {
                return;
            } catch (Exception e) {
                System.out.println("  (heap sample failed: " + e.getMessage() + ")");
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(5_000);
    }
}
