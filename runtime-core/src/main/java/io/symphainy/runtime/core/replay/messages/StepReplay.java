package io.symphainy.runtime.core.replay.messages;

/**
 * What a full replay did with one step.
 *
 * @param treatment  {@code re_run} (PURE and IDEMPOTENT steps), {@code substituted} (the recorded output stands in
 *                   for COMPENSATABLE and NON_REPEATABLE steps, which never run again), {@code not_reached} (no
 *                   attempt was recorded), {@code re_used_recorded_signal} (a wait step: the signal it received is
 *                   fed to the later steps as recorded, nothing waits) or {@code unavailable} (the capability no
 *                   longer offers the step)
 * @param attempt    the recorded attempt that was replayed; 0 when none was
 * @param recomputed null unless the step was run again
 *                   ({@code re_run_recorded_input}: a step whose outside input, a model's answer, is recorded ran
 *                   again on that record, calling nothing outside)
 * @param verdict    {@code match}, {@code divergence}, or the treatment when nothing was compared
 * @param difference with {@code rerun_model}: how today's model's output differs from the recorded one, as the
 *                   step describes it; null otherwise
 */
public record StepReplay(
        int index,
        String name,
        String sideEffect,
        String treatment,
        int attempt,
        StepOutcome recorded,
        StepOutcome recomputed,
        String verdict,
        java.util.Map<String, Object> difference) {

    /** A step replay without a described difference. */
    public StepReplay(int index, String name, String sideEffect, String treatment, int attempt, StepOutcome recorded,
                      StepOutcome recomputed, String verdict) {
        this(index, name, sideEffect, treatment, attempt, recorded, recomputed, verdict, null);
    }
}
