package io.cxloop.engine.camunda;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Names the JDK's {@link DatatypeFactory}. Camunda creates one for every timer with a duration
 * ({@code DurationHelper}), and without the system property the JAXP lookup searches {@code META-INF/services} of
 * every jar on the class path each time (5 % of a REST request's CPU time in the load harness, docs/benchmarks.md,
 * session 6). No jar of ours provides another factory, so the lookup always ended with the JDK's; a factory named
 * by the operator ({@code -Djavax.xml.datatype.DatatypeFactory=…}) is kept.
 */
final class JdkDatatypeFactory extends AbstractProcessEnginePlugin {

    static final String PROPERTY = DatatypeFactory.DATATYPEFACTORY_PROPERTY;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }

    @Override
    public String toString() {
        return "JDK datatype factory";
    }
}
