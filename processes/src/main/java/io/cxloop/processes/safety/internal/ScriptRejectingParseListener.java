package io.cxloop.processes.safety.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Rejects a BPMN resource that would run scripts. It walks the whole document once, after Camunda has parsed it, so
 * nothing is missed whatever element carries the script, and reports every finding in one message.
 */
public class ScriptRejectingParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        List<Finding> findings = new ArrayList<>();
        collect(rootElement, null, rootElement, findings);
        if (!findings.isEmpty()) {
            String details = findings.stream().map(Finding::describe).collect(Collectors.joining("; "));
            // the element makes Camunda's ParseException name its id, line and column
            throw new BpmnParseException(
                    "Scripts are not allowed in cxloop processes; use a service task with a delegate expression. Found: "
                            + details,
                    findings.get(0).element());
        }
    }

    private static void collect(Element element, Element parent, Element owner, List<Finding> findings) {
        Element nearestWithId = element.attribute("id") != null ? element : owner;
        String tag = element.getTagName();
        if ("scriptTask".equals(tag)) {
            findings.add(new Finding(nearestWithId, "script task"));
            return; // its bpmn:script child is the same finding
        }
        if ("script".equals(tag)) {
            findings.add(new Finding(nearestWithId, describeScript(parent)));
            return;
        }
        String language = element.attribute("language");
        if (language != null) {
            findings.add(new Finding(nearestWithId, "scripted " + tag + " in language '" + language + "'"));
        }
        for (Element child : element.elements()) {
            collect(child, element, nearestWithId, findings);
        }
    }

    private static String describeScript(Element parent) {
        String parentTag = parent == null ? "" : parent.getTagName();
        return switch (parentTag) {
            case "executionListener" -> "script execution listener";
            case "taskListener" -> "script task listener";
            case "inputParameter", "outputParameter", "entry", "value", "list" -> "script input/output mapping";
            default -> "script in " + parentTag;
        };
    }

    private record Finding(Element element, String kind) {

        String describe() {
            String id = element.attribute("id");
            String where = id != null ? "'" + id + "'" : "line " + element.getLine();
            return kind + " in " + where;
        }
    }
}
