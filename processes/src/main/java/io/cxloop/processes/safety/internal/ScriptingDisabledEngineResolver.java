package io.cxloop.processes.safety.internal;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/** Resolves no script engine, so a script that slipped past deployment checks fails instead of running. */
public class ScriptingDisabledEngineResolver implements ScriptEngineResolver {

    // discovers nothing: the bootstrap class loader provides no script engines on Java 17
    private final ScriptEngineManager emptyManager = new ScriptEngineManager(new ClassLoader(null) {});

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
        throw new ProcessEngineException(
                "Scripting is disabled in cxloop; cannot add script engine " + factory.getEngineName());
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        return emptyManager;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
        throw new ProcessEngineException(
                "Scripting is disabled in cxloop; refusing to run a script in language '" + language + "'");
    }
}
