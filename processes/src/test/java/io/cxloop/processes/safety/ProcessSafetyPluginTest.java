package io.cxloop.processes.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine from {@code camunda.cfg.xml} runs with {@link ProcessSafetyPlugin}; these deployments test it. */
class ProcessSafetyPluginTest {

    // the shared test engine records coverage, so it needs the coverage extension; these models aren't reported
    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .excludeProcessDefinitionKeys("candidate")
            .handleTestMethodCoverage(false)
            .build();

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeDeployments() {
        RepositoryService repositoryService = engine.getRepositoryService();
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void processWithoutScriptsDeploys() {
        deploy(
                process(
                        """
                <bpmn:startEvent id="StartEvent_Begin">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start" delegateExpression="${someListener}" />
                  </bpmn:extensionElements>
                </bpmn:startEvent>
                <bpmn:exclusiveGateway id="Gateway_Choose" default="Flow_Otherwise" />
                <bpmn:task id="Task_Work">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="amount">${42}</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:task>
                <bpmn:endEvent id="EndEvent_Done" />
                <bpmn:sequenceFlow id="Flow_Begin" sourceRef="StartEvent_Begin" targetRef="Gateway_Choose" />
                <bpmn:sequenceFlow id="Flow_Work" sourceRef="Gateway_Choose" targetRef="Task_Work">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${amount > 1}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_Otherwise" sourceRef="Gateway_Choose" targetRef="EndEvent_Done" />
                <bpmn:sequenceFlow id="Flow_Worked" sourceRef="Task_Work" targetRef="EndEvent_Done" />
                """));

        assertThat(engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("candidate")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void scriptTaskIsRejected() {
        assertRejected(
                process(
                        """
                        <bpmn:startEvent id="StartEvent_Begin" />
                        <bpmn:scriptTask id="Task_RunGroovy" scriptFormat="groovy">
                          <bpmn:script>println 'hello'</bpmn:script>
                        </bpmn:scriptTask>
                        <bpmn:sequenceFlow id="Flow_Begin" sourceRef="StartEvent_Begin" targetRef="Task_RunGroovy" />
                        """),
                "Task_RunGroovy",
                "script task in 'Task_RunGroovy'");
    }

    @Test
    void scriptExecutionListenerIsRejected() {
        assertRejected(
                process(
                        """
                        <bpmn:startEvent id="StartEvent_Begin">
                          <bpmn:extensionElements>
                            <camunda:executionListener event="start">
                              <camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script>
                            </camunda:executionListener>
                          </bpmn:extensionElements>
                        </bpmn:startEvent>
                        """),
                "StartEvent_Begin",
                "script execution listener in 'StartEvent_Begin'");
    }

    @Test
    void scriptedConditionIsRejected() {
        assertRejected(
                process(
                        """
                        <bpmn:startEvent id="StartEvent_Begin" />
                        <bpmn:endEvent id="EndEvent_Done" />
                        <bpmn:sequenceFlow id="Flow_Scripted" sourceRef="StartEvent_Begin" targetRef="EndEvent_Done">
                          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
                        </bpmn:sequenceFlow>
                        """),
                "Flow_Scripted",
                "scripted conditionExpression in language 'groovy' in 'Flow_Scripted'");
    }

    @Test
    void scriptInputMappingIsRejected() {
        assertRejected(
                process(
                        """
                        <bpmn:startEvent id="StartEvent_Begin" />
                        <bpmn:task id="Task_Work">
                          <bpmn:extensionElements>
                            <camunda:inputOutput>
                              <camunda:inputParameter name="amount">
                                <camunda:script scriptFormat="groovy" resource="deployment://evil.groovy" />
                              </camunda:inputParameter>
                            </camunda:inputOutput>
                          </bpmn:extensionElements>
                        </bpmn:task>
                        <bpmn:sequenceFlow id="Flow_Begin" sourceRef="StartEvent_Begin" targetRef="Task_Work" />
                        """),
                "Task_Work",
                "script input/output mapping in 'Task_Work'");
    }

    @Test
    void everyScriptIsNamedInOneMessage() {
        assertThatThrownBy(
                        () -> deploy(
                                process(
                                        """
                        <bpmn:startEvent id="StartEvent_Begin" />
                        <bpmn:scriptTask id="Task_First" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
                        <bpmn:userTask id="Task_Review">
                          <bpmn:extensionElements>
                            <camunda:taskListener event="create">
                              <camunda:script scriptFormat="groovy">2</camunda:script>
                            </camunda:taskListener>
                          </bpmn:extensionElements>
                        </bpmn:userTask>
                        <bpmn:sequenceFlow id="Flow_Begin" sourceRef="StartEvent_Begin" targetRef="Task_First" />
                        <bpmn:sequenceFlow id="Flow_Review" sourceRef="Task_First" targetRef="Task_Review" />
                        """)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("script task in 'Task_First'")
                .hasMessageContaining("script task listener in 'Task_Review'");
    }

    @Test
    void scriptEnginesCannotBeResolvedAtRunTime() {
        ProcessEngineConfigurationImpl configuration = engine.getProcessEngineConfiguration();
        assertThatThrownBy(() -> configuration
                        .getCommandExecutorTxRequired()
                        .execute(context -> configuration.getScriptingEngines().getScriptEngineForLanguage("groovy")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Scripting is disabled");
    }

    @Test
    void javaSerializedVariablesFromOutsideAreRefused() {
        deploy(
                process(
                        """
                <bpmn:startEvent id="StartEvent_Begin" />
                <bpmn:userTask id="Task_Wait" />
                <bpmn:sequenceFlow id="Flow_Begin" sourceRef="StartEvent_Begin" targetRef="Task_Wait" />
                """));
        // what a REST client could send: bytes the engine would deserialize later
        ObjectValue serialized = Variables.serializedObjectValue("rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0")
                .serializationDataFormat(Variables.SerializationDataFormats.JAVA)
                .objectTypeName("java.util.ArrayList")
                .create();

        assertThat(engine.getProcessEngineConfiguration().isJavaSerializationFormatEnabled())
                .isFalse();
        assertThatThrownBy(() -> engine.getRuntimeService()
                        .startProcessInstanceByKey("candidate", Variables.putValueTyped("payload", serialized)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("payload")
                .hasMessageContaining("Java serialization format is prohibited");
    }

    private void assertRejected(String bpmn, String elementId, String finding) {
        assertThatThrownBy(() -> deploy(bpmn))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Scripts are not allowed")
                .hasMessageContaining(finding)
                .satisfies(e -> assertThat(((ParseException) e)
                                .getResorceReports()
                                .get(0)
                                .getErrors()
                                .get(0)
                                .getMainElementId())
                        .isEqualTo(elementId));
        assertThat(engine.getRepositoryService().createDeploymentQuery().count())
                .as("nothing deployed")
                .isZero();
    }

    private void deploy(String bpmn) {
        Deployment deployment = engine.getRepositoryService()
                .createDeployment()
                .name("safety-test")
                .addString("candidate.bpmn", bpmn)
                .deploy();
        deployments.add(deployment.getId());
    }

    private static String process(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                  id="Definitions_Candidate" targetNamespace="https://cxloop.io/test">
                  <bpmn:process id="candidate" isExecutable="true" camunda:historyTimeToLive="P1D">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """
                .formatted(elements);
    }
}
