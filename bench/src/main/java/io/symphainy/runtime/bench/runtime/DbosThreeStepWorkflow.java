package io.symphainy.runtime.bench.runtime;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.Workflow;

/** {@link ThreeStepWorkflow} with DBOS Transact: a workflow of three checkpointed steps that do no work. */
public class DbosThreeStepWorkflow implements ThreeStepWorkflow {

    private final DBOS dbos;

    public DbosThreeStepWorkflow(DBOS dbos) {
        this.dbos = dbos;
    }

    @Override
    @Workflow(name = "threeSteps")
    public String run(String message) {
        String first = dbos.runStep(() -> "step1:" + message, "step1");
        String second = dbos.runStep(() -> "step2:" + first, "step2");
        return dbos.runStep(() -> "step3:" + second, "step3");
    }
}
