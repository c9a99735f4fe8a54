package io.cxloop.engine.ruleset;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Picks up activations and rollbacks made on other nodes: every poll interval, one indexed query per rule set; a
 * change is compiled (off the decision path) and swapped in.
 */
public class RuleSetPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleSetPoller.class);

    private final RuleSetService ruleSets;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public RuleSetPoller(RuleSetService ruleSets, Duration interval) {
        this.ruleSets = ruleSets;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cxloop-rule-set-poller");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            ruleSets.refreshAll();
        } catch (RuntimeException e) {
            log.warn("Could not check for rule-set activations on other nodes; trying again in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
