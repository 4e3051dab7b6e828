package io.symphainy.runtime.bench.runtime;

import java.util.ArrayList;
import java.util.List;

/** Everything one run measured, filled phase by phase; what is not measured stays empty. */
final class Figures {

    List<Double> ceilingTps = new ArrayList<>();
    IntakeBench.Figures intake;
    EndToEndBench.Figures endToEnd = EndToEndBench.empty();
    HttpFloorBench.Figures httpFloor = HttpFloorBench.Figures.empty();
    List<Double> replayEventsOnlyP50 = new ArrayList<>();
    List<Double> replayEventsOnlyP99 = new ArrayList<>();
    List<Double> replayStateOnlyP50 = new ArrayList<>();
    List<Double> replayStateOnlyP99 = new ArrayList<>();
    long storeEvents;
    long timelineRows;
    StoreBench.Rebuild rebuild;
    List<Double> auditP50 = new ArrayList<>();
    List<Double> auditP99 = new ArrayList<>();
    double heapAfterWarmUpMiB = Double.NaN;
    double heapLiveAfterWarmUpMiB = Double.NaN;
    double heapPeakMiB = Double.NaN;
    double heapLiveAfterPeakMiB = Double.NaN;
    EndToEndBench.Figures peer = EndToEndBench.empty();
}
