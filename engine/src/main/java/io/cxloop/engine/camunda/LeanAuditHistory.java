package io.cxloop.engine.camunda;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.HistoryLevelSetupCommand;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history level {@value #NAME}: Camunda's {@code audit} history less what nobody reads and every campaign paid
 * for (docs/benchmarks.md, "Session 7: Camunda's share of a campaign").
 *
 * <ul>
 *   <li><b>No activity instances of gateways and none start events</b>, in every process: they are routing, done in
 *       the instant they start (an event-based gateway waits, but its events record what ended the wait); the process
 *       instance's history keeps where and when it started. Tasks, catch events and end events stay, with their
 *       times, so a finished instance still shows its path through the work and how it ended.
 *   <li><b>No variable history of the processes in {@code withoutVariableHistory}</b> ({@code journey-reconnect}):
 *       a campaign's variables are copies of the application's own rows (campaign, decision, outbox message), read
 *       from there by the reports and the API. The other processes keep theirs (the feedback loop's call outcome,
 *       follow-up answers).
 * </ul>
 *
 * What that costs an operator: Cockpit's history views (Enterprise) and the REST API's history show no gateways and no
 * campaign variables; restarting a finished campaign with its initial variables has none to take. {@code
 * camunda.bpm.history-level: audit} brings Camunda's level back; a node switches the database's recorded level between
 * the two at start-up (Camunda refuses to start on a level other than the recorded one), any other change is refused
 * as before. Both levels can read what the other wrote.
 */
final class LeanAuditHistory extends AbstractProcessEnginePlugin {

    static final String NAME = "audit-lean";

    /** Camunda's own levels are 0–3; custom levels need an id of their own, which the database records. */
    static final int ID = 12;

    private static final Logger log = LoggerFactory.getLogger(LeanAuditHistory.class);

    private final Level level;

    LeanAuditHistory(Set<String> withoutVariableHistory) {
        this.level = new Level(withoutVariableHistory);
    }

    Level level() {
        return level;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(level);
        SchemaOperationsCommand schemaOperations = configuration.getSchemaOperationsCommand();
        configuration.setSchemaOperationsCommand(commandContext -> {
            schemaOperations.execute(commandContext);
            switchRecordedLevel(commandContext, configuration.getHistoryLevel());
            return null;
        });
    }

    /**
     * Records the configured level in the database where it switches between {@code audit} and {@value #NAME}, before
     * Camunda compares the two.
     */
    static void switchRecordedLevel(CommandContext commandContext, HistoryLevel configured) {
        if (configured == null || !isAuditOrLean(configured.getId())) {
            return;
        }
        Integer recorded = HistoryLevelSetupCommand.databaseHistoryLevel(commandContext);
        if (recorded == null || recorded == configured.getId() || !isAuditOrLean(recorded)) {
            return;
        }
        // nodes starting together: the first switches, the others find it switched
        commandContext.getPropertyManager().acquireExclusiveLockForStartup();
        PropertyEntity property = commandContext.getPropertyManager().findPropertyById("historyLevel");
        if (property != null && isAuditOrLean(Integer.parseInt(property.getValue()))) {
            log.info(
                    "History level switched from {} to {} ({})",
                    property.getValue(),
                    configured.getId(),
                    configured.getName());
            property.setValue(Integer.toString(configured.getId()));
        }
    }

    private static boolean isAuditOrLean(int id) {
        return id == HistoryLevel.HISTORY_LEVEL_AUDIT.getId() || id == ID;
    }

    @Override
    public String toString() {
        return "history level " + NAME;
    }

    /** The level itself: what {@code audit} produces, less the events above. */
    static final class Level implements HistoryLevel {

        private static final Set<String> NOT_RECORDED_ACTIVITY_TYPES = Set.of(
                ActivityTypes.GATEWAY_EXCLUSIVE,
                ActivityTypes.GATEWAY_INCLUSIVE,
                ActivityTypes.GATEWAY_PARALLEL,
                ActivityTypes.GATEWAY_COMPLEX,
                ActivityTypes.GATEWAY_EVENT_BASED,
                ActivityTypes.START_EVENT);

        private final Set<String> definitionIdPrefixes;

        Level(Set<String> withoutVariableHistory) {
            // definition ids are "key:version:uuid" (Camunda uses a bare uuid only for keys too long for that)
            this.definitionIdPrefixes = Set.copyOf(
                    withoutVariableHistory.stream().map(key -> key + ":").toList());
        }

        @Override
        public int getId() {
            return ID;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (!HistoryLevel.HISTORY_LEVEL_AUDIT.isHistoryEventProduced(eventType, entity)) {
                return false;
            }
            // Camunda asks with no entity whether a kind of event is produced at all: it is
            if (entity == null) {
                return true;
            }
            if (isActivityInstanceEvent(eventType) && entity instanceof ExecutionEntity execution) {
                ActivityImpl activity = execution.getActivity();
                return activity == null
                        || !NOT_RECORDED_ACTIVITY_TYPES.contains(
                                activity.getProperties().get(BpmnProperties.TYPE));
            }
            if (isVariableEvent(eventType) && entity instanceof VariableInstanceEntity variable) {
                return !withoutVariableHistory(variable);
            }
            return true;
        }

        private boolean withoutVariableHistory(VariableInstanceEntity variable) {
            String definitionId = variable.getProcessDefinitionId();
            if (definitionId == null && variable.getExecution() != null) {
                definitionId = variable.getExecution().getProcessDefinitionId();
            }
            if (definitionId == null) {
                return false;
            }
            for (String prefix : definitionIdPrefixes) {
                if (definitionId.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isActivityInstanceEvent(HistoryEventType type) {
            return type == HistoryEventTypes.ACTIVITY_INSTANCE_START
                    || type == HistoryEventTypes.ACTIVITY_INSTANCE_END
                    || type == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE
                    || type == HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE;
        }

        private static boolean isVariableEvent(HistoryEventType type) {
            return type == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
                    || type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
                    || type == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE
                    || type == HistoryEventTypes.VARIABLE_INSTANCE_DELETE;
        }

        @Override
        public String toString() {
            return NAME;
        }
    }
}
