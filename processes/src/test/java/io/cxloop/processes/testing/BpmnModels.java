package io.cxloop.processes.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;

/** Checks every model file of this module must pass: what Modeler and Cockpit draw, what analysts read. */
public final class BpmnModels {

    private BpmnModels() {}

    /** The model at the classpath location, validated against the BPMN schema. */
    public static BpmnModelInstance read(String resource) {
        try (InputStream in = BpmnModels.class.getClassLoader().getResourceAsStream(resource)) {
            BpmnModelInstance instance = Bpmn.readModelFromStream(in);
            Bpmn.validateModel(instance);
            return instance;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids like {@code Task_ContactCustomer}, never {@code UserTask_1}; every flow node has a name. */
    public static void assertBusinessIdsAndNames(BpmnModelInstance model) {
        Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
        assertThat(elements)
                .extracting(BaseElement::getId)
                .allMatch(id -> id.matches("(StartEvent|EndEvent|Event|Task|Gateway|Flow)_[A-Z][A-Za-z]+"));
        assertThat(model.getModelElementsByType(FlowNode.class))
                .allSatisfy(node -> assertThat(node.getName()).as(node.getId()).isNotBlank());
    }

    /** Every flow node has a shape and every sequence flow an edge, so the Modeler shows the whole process. */
    public static void assertEveryElementIsDrawn(BpmnModelInstance model) {
        Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId())
                .collect(Collectors.toSet());
        Set<String> drawnFlows = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId())
                .collect(Collectors.toSet());
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(ids(model.getModelElementsByType(FlowNode.class)));
        assertThat(drawnFlows)
                .containsExactlyInAnyOrderElementsOf(ids(model.getModelElementsByType(SequenceFlow.class)));
    }

    private static List<String> ids(Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).toList();
    }
}
