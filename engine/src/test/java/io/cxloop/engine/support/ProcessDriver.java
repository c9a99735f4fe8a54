package io.cxloop.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Moves processes forward in tests, where the job executor is off: fires a named timer, runs async steps. */
public class ProcessDriver {

    private final ManagementService management;

    public ProcessDriver(ManagementService management) {
        this.management = management;
    }

    /** Fires the timer waiting at {@code activityId} as if its time had come, then runs what follows. */
    public void fireTimer(String processInstanceId, String activityId) {
        Job timer = management
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .timers()
                .activityId(activityId)
                .singleResult();
        assertThat(timer).as("timer at " + activityId).isNotNull();
        management.executeJob(timer.getId());
        runAsyncJobs(processInstanceId);
    }

    /** Executes asynchronous continuations (not timers) until none are left. */
    public void runAsyncJobs(String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .messages()
                    .list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("async jobs of " + processInstanceId + " did not settle");
    }
}
