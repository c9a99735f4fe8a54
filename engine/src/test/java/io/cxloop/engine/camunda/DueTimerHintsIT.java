package io.cxloop.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.engine.support.EngineIT;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine schedules its timers through the hinting job manager: a timer due soon leaves a wake-up behind, and the
 * timer is an ordinary Camunda timer otherwise (the integration tests run jobs themselves, the job executor is off).
 */
class DueTimerHintsIT extends EngineIT {

    @Autowired
    DueTimerHints hints;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void aTimerDueWithinTheHorizonIsHintedAndRuns() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("due-timer-hint-probe")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("Event_Wait")
                .timerWithDuration("PT2M")
                .endEvent()
                .done();
        repository
                .createDeployment()
                .addModelInstance("due-timer-hint-probe.bpmn", model)
                .deploy();
        int before = hints.pending();

        ProcessInstance instance = runtime.startProcessInstanceByKey("due-timer-hint-probe", Map.of());

        assertThat(hints.pending()).isEqualTo(before + 1);
        Job timer = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .singleResult();
        assertThat(timer.getDuedate()).isInTheFuture();

        management.executeJob(timer.getId());

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
    }
}
