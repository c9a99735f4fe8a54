package io.cxloop.processes;

import io.cxloop.processes.feedback.FeedbackClosedLoop;
import io.cxloop.processes.reconnect.JourneyReconnect;
import java.util.List;

/** The classpath resources of this module that the engine deploys. */
public final class ProcessResources {

    /** BPMN models, as classpath locations (no leading slash). */
    public static final List<String> BPMN = List.of(JourneyReconnect.BPMN_RESOURCE, FeedbackClosedLoop.BPMN_RESOURCE);

    private ProcessResources() {}
}
