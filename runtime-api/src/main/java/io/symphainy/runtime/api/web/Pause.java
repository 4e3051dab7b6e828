package io.symphainy.runtime.api.web;

/** The short wait between two looks at a projection that is catching up. */
final class Pause {

    private static final long MILLIS = 5;

    private Pause() {
    }

    /** Sleeps a few milliseconds; an interrupt ends the wait and stays set for the caller's loop to see. */
    static void briefly() {
        try {
            Thread.sleep(MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
