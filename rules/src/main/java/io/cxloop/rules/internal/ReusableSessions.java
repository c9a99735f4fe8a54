package io.cxloop.rules.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.EntryPoint;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions of one KieBase for one decision at a time, kept and reused. After a decision its session is emptied by
 * deleting every fact, which undoes only what those facts reached in the network. Drools' own pool
 * ({@link KieBase#newKieSessionsPool}) resets the memory of every node the session ever used instead, on every release:
 * with hundreds of rules that reset took 40 % of a decision (docs/benchmarks.md).
 *
 * <p>A session emptied this way decides like a new one only when no rule can match an empty working memory: a rule
 * whose conditions need no fact (only {@code not}, {@code exists}, {@code forall}, {@code eval}, {@code accumulate} or
 * {@code from}) fires once in a new session, then stays matched and would not fire again in the next decision. Such
 * rule sets, and those using agenda or time features whose state outlives the facts (agenda and rule-flow groups,
 * auto-focus, lock-on-active, activation groups, timers, calendars, logical insertions, events), get Drools' pool
 * instead, with the same outcome as before. As a last guard, a session that fires a rule while it is emptied, or keeps
 * a fact, is disposed instead of reused.
 *
 * <p>Thread-safe: a session is used by one decision at a time.
 */
public final class ReusableSessions {

    private static final Logger log = LoggerFactory.getLogger(ReusableSessions.class);

    private final String ruleSetVersion;
    private final KieBase kieBase;
    /** Emptied sessions ready for the next decision; null when the rule set needs Drools' pool. */
    private final BlockingQueue<KieSession> idle;
    /** Drools' pool, for rule sets whose sessions cannot be emptied by deleting their facts; else null. */
    private final KieSessionsPool pool;

    private final String notReusedBecause;

    /**
     * @param kept at most this many idle sessions are kept; more are created while more decisions run at once, and
     *     disposed afterwards
     */
    public ReusableSessions(String ruleSetVersion, KieBase kieBase, int kept) {
        this.ruleSetVersion = Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        this.kieBase = Objects.requireNonNull(kieBase, "kieBase");
        this.notReusedBecause = whyNotReusable(kieBase).orElse(null);
        if (notReusedBecause == null) {
            this.idle = new ArrayBlockingQueue<>(kept);
            this.pool = null;
        } else {
            log.info(
                    "Rule set {} gets a new session per decision from Drools' pool: {}",
                    ruleSetVersion,
                    notReusedBecause);
            this.idle = null;
            this.pool = kieBase.newKieSessionsPool(kept);
        }
    }

    /** Whether sessions are emptied and reused (else Drools' pool resets them); for tests and the benchmarks. */
    public boolean reused() {
        return idle != null;
    }

    /** Why sessions are not emptied and reused, if they are not. */
    public Optional<String> notReusedBecause() {
        return Optional.ofNullable(notReusedBecause);
    }

    /** An empty session for one decision; give it back with {@link #release}. */
    public KieSession take() {
        if (idle == null) {
            return pool.newKieSession();
        }
        KieSession session = idle.poll();
        return session != null ? session : kieBase.newKieSession();
    }

    /**
     * Gives a session back after its decision.
     *
     * @param completed whether the decision ran to its end; a session whose rules failed or were stopped is disposed
     */
    public void release(KieSession session, boolean completed) {
        if (idle == null || !completed) {
            session.dispose();
            return;
        }
        if (!empty(session) || !idle.offer(session)) {
            session.dispose();
        }
    }

    private boolean empty(KieSession session) {
        try {
            for (EntryPoint entryPoint : session.getEntryPoints()) {
                Collection<FactHandle> handles = entryPoint.getFactHandles();
                if (!handles.isEmpty()) {
                    for (FactHandle handle : handles.toArray(new FactHandle[0])) {
                        entryPoint.delete(handle);
                    }
                }
            }
            // Applies the deletions (Drools propagates lazily), so that the next decision starts from nothing pending.
            int fired = session.fireAllRules(1);
            if (fired > 0 || remainingFacts(session) > 0) {
                log.warn(
                        "Rule set {}: a rule fired or a fact remained while a session was emptied; the session is"
                                + " disposed instead of reused",
                        ruleSetVersion);
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Rule set {}: a session could not be emptied and is disposed", ruleSetVersion, e);
            return false;
        }
    }

    private static long remainingFacts(KieSession session) {
        long facts = 0;
        for (EntryPoint entryPoint : session.getEntryPoints()) {
            facts += entryPoint.getFactCount();
        }
        return facts;
    }

    /** Why a session of this KieBase cannot be emptied by deleting its facts; empty when it can. */
    static Optional<String> whyNotReusable(KieBase kieBase) {
        List<String> reasons = new ArrayList<>();
        if (kieBase instanceof InternalRuleBase ruleBase) {
            for (ObjectTypeNode node : ruleBase.getRete().getObjectTypeNodes()) {
                if (node.getObjectType().isEvent()) {
                    reasons.add("facts of type " + node.getObjectType() + " are events");
                }
            }
        } else {
            reasons.add("the KieBase is a " + kieBase.getClass().getName());
        }
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                whyNotReusable(rule).ifPresent(reason -> reasons.add("rule \"" + rule.getName() + "\" " + reason));
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static Optional<String> whyNotReusable(Rule kieRule) {
        if (!(kieRule instanceof RuleImpl rule)) {
            return Optional.of("is a " + kieRule.getClass().getName());
        }
        if (rule.isQuery()) {
            return Optional.empty();
        }
        if (!rule.isMainAgendaGroup() || rule.getAutoFocus()) {
            return Optional.of("uses an agenda group");
        }
        if (rule.getRuleFlowGroup() != null && !rule.getRuleFlowGroup().isEmpty()) {
            return Optional.of("uses a rule-flow group");
        }
        if (rule.getActivationGroup() != null && !rule.getActivationGroup().isEmpty()) {
            return Optional.of("uses an activation group");
        }
        if (rule.isLockOnActive()) {
            return Optional.of("is lock-on-active");
        }
        if (rule.getTimer() != null || rule.hasCalendars()) {
            return Optional.of("uses a timer or calendar");
        }
        if (rule.hasLogicalDependency()) {
            return Optional.of("inserts logically");
        }
        if (!needsFact(rule.getLhs())) {
            return Optional.of("can match without any fact");
        }
        return Optional.empty();
    }

    /** Whether the conditions can only match when at least one fact is in the working memory. */
    static boolean needsFact(RuleConditionElement element) {
        if (element instanceof Pattern pattern) {
            return (pattern.getSource() == null || pattern.getSource() instanceof EntryPointId)
                    && !ClassObjectType.InitialFact_ObjectType.equals(pattern.getObjectType());
        }
        if (element instanceof GroupElement group) {
            if (group.isAnd()) {
                return group.getChildren().stream().anyMatch(ReusableSessions::needsFact);
            }
            if (group.isOr()) {
                return !group.getChildren().isEmpty()
                        && group.getChildren().stream().allMatch(ReusableSessions::needsFact);
            }
        }
        // not, exists, forall, eval, accumulate, collect, from, queries, named consequences, branches
        return false;
    }
}
