package io.cxloop.engine.camunda;

import io.cxloop.processes.feedback.FeedbackClosedLoopDelegates;
import io.cxloop.processes.feedback.FeedbackLoopPort;
import io.cxloop.processes.reconnect.JourneyReconnect;
import io.cxloop.processes.reconnect.JourneyReconnectDelegates;
import io.cxloop.processes.reconnect.ReconnectCampaignPort;
import io.cxloop.processes.safety.ProcessSafetyPlugin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hardens the embedded Camunda engine: no scripts in deployed BPMN (see {@link ProcessSafetyPlugin}), no Java
 * serialization of variables, and expressions in BPMN reach only the delegates the processes need, never arbitrary
 * Spring beans.
 */
@Configuration(proxyBeanMethods = false)
public class CamundaConfiguration {

    /**
     * Camunda's Spring configuration as the starter makes it (which backs off for this bean), taking the MyBatis
     * mappings parsed while the context was built ({@link CamundaMappings}).
     */
    @Bean
    ProcessEngineConfigurationImpl processEngineConfigurationImpl(
            List<ProcessEnginePlugin> plugins,
            @Qualifier(CamundaMappings.BEAN_NAME) ObjectProvider<CamundaMappings> mappings) {
        SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil.initCustomFields(
                new PreparedMappingsProcessEngineConfiguration(mappings.getIfAvailable()));
        configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
        return configuration;
    }

    @Bean
    ProcessEnginePlugin processSafetyPlugin() {
        return new ProcessSafetyPlugin();
    }

    @Bean
    ProcessEnginePlugin jdkDatatypeFactory() {
        return new JdkDatatypeFactory();
    }

    /** Closed with the context (its scheduler thread). */
    @Bean
    DueTimerHints dueTimerHints() {
        return new DueTimerHints();
    }

    /** Registers the history level {@value LeanAuditHistory#NAME} ({@code camunda.bpm.history-level} chooses). */
    @Bean
    ProcessEnginePlugin leanAuditHistory() {
        return new LeanAuditHistory(Set.of(JourneyReconnect.PROCESS_KEY));
    }

    @Bean
    ProcessEnginePlugin camundaTableTuning() {
        return new CamundaTableTuning();
    }

    @Bean
    ProcessEnginePlugin expressionBeansPlugin(
            ApplicationContext context, ReconnectCampaignPort reconnectCampaigns, FeedbackLoopPort feedbackLoop) {
        Map<Object, Object> beans = new HashMap<>(JourneyReconnectDelegates.beans(reconnectCampaigns));
        beans.putAll(FeedbackClosedLoopDelegates.beans(feedbackLoop));
        return new ExpressionBeansPlugin(context, beans);
    }

    /** Replaces the expression manager so that BPMN expressions resolve only the given beans. */
    static final class ExpressionBeansPlugin extends AbstractProcessEnginePlugin {

        private final ApplicationContext context;
        private final Map<Object, Object> beans;

        ExpressionBeansPlugin(ApplicationContext context, Map<Object, Object> beans) {
            this.context = context;
            this.beans = beans;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            configuration.setBeans(beans);
            configuration.setExpressionManager(new SpringExpressionManager(context, beans));
        }

        @Override
        public String toString() {
            return "expression beans " + beans.keySet();
        }
    }
}
