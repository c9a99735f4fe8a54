package io.cxloop.engine.camunda;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the latest process definitions into the engine's deployment cache when the application has started. A node
 * whose auto-deployment was a duplicate of another node's (several nodes on one database) otherwise parses a definition
 * on its first use, and Camunda makes the parsed definition visible to other threads before it has attached the job
 * definitions to its timers: concurrent first requests then failed with "Invalid process definition id:
 * processDefinitionId is null" (seen in {@code TwoNodesIT}).
 */
@Component
class DeploymentCacheWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DeploymentCacheWarmUp.class);

    private final RepositoryService repository;

    DeploymentCacheWarmUp(RepositoryService repository) {
        this.repository = repository;
    }

    @EventListener(ApplicationStartedEvent.class)
    void warmUp() {
        int loaded = 0;
        for (ProcessDefinition definition :
                repository.createProcessDefinitionQuery().latestVersion().list()) {
            // parses the definition into the deployment cache (with its job definitions) on this thread, once
            repository.getProcessDefinition(definition.getId());
            loaded++;
        }
        log.debug("{} process definition(s) in the deployment cache", loaded);
    }
}
