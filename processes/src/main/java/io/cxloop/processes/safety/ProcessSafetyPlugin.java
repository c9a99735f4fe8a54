package io.cxloop.processes.safety;

import io.cxloop.processes.safety.internal.ScriptRejectingParseListener;
import io.cxloop.processes.safety.internal.ScriptingDisabledEngineResolver;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Keeps code from outside out of the engine.
 *
 * <ul>
 *   <li>A BPMN deployment fails if it contains a script task, a {@code camunda:script} (execution or task listener,
 *       input/output mapping, connector) or a condition with a script {@code language}; the error names the
 *       element ids.
 *   <li>No script engine can be resolved at run time, which also covers DMN/CMMN scripts and definitions deployed
 *       before this plugin was active.
 *   <li>Java serialization of object variables is off: a variable never deserializes a class chosen by a caller.
 * </ul>
 *
 * <p>Restricting expressions to the delegate beans is the engine's job ({@code setBeans}).
 */
public class ProcessSafetyPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        listeners.add(new ScriptRejectingParseListener());
        configuration.setCustomPreBPMNParseListeners(listeners);

        configuration.setScriptEngineResolver(new ScriptingDisabledEngineResolver());
        configuration.setJavaSerializationFormatEnabled(false);
    }

    @Override
    public String toString() {
        return "ProcessSafetyPlugin";
    }
}
