package io.cxloop.rules.nba.internal;

import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.internal.ContextPartitions;
import io.cxloop.rules.internal.KieBaseCompiler;
import io.cxloop.rules.internal.ReusableSessions;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.CandidateOffer;
import io.cxloop.rules.nba.ContactRecord;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.nba.NextBestActionRuleSet;
import io.cxloop.rules.nba.ReconnectContext;
import io.cxloop.rules.policy.ChannelCandidate;
import io.cxloop.rules.policy.ContactPolicyCollector;
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.policy.ContactPolicyRuleSet;
import io.cxloop.rules.policy.Purpose;
import io.cxloop.rules.policy.internal.ContactPolicyComposition;
import io.cxloop.rules.policy.internal.DroolsContactPolicyEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The next-best-action decision on a Drools executable-model KieBase. The KieBase is compiled once, in the
 * constructor (this takes seconds); every {@link #decide} runs alone in a session of its own, so one instance serves
 * all threads. The KieBase holds the next-best-action rules and, composed into it, the contact policy's: one session
 * per decision, whichever versions of the two rule sets are active.
 */
public final class DroolsNextBestActionEngine implements NextBestActionEngine {

    /** The DRL files of the built-in rule set, as classpath resources. */
    public static final List<String> BUILT_IN_RESOURCES = List.of(NextBestActionRuleSet.BUILT_IN_DRL);

    public static final String BUILT_IN_VERSION = "next-best-action@builtin-1";

    /** A rule set that fires more often than this for one decision is looping; the decision fails instead. */
    static final int MAX_RULE_FIRINGS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(DroolsNextBestActionEngine.class);

    /** Idle sessions kept per engine; more are made while more decisions run at once. */
    private static final int KEPT_SESSIONS = 8;

    private final String ruleSetVersion;
    private final String contactPolicyVersion;
    /** The next-best-action rules alone, for composing them with another contact policy. */
    private final Map<String, String> drl;
    // a session is emptied and reused instead of being built anew or reset per decision (docs/benchmarks.md)
    private final ReusableSessions sessions;
    /** The rule set split by the trigger its rules require, or null when it is not (see {@link ContextPartitions}). */
    private final ContextPartitions partitions;
    /** The sessions of each part of {@link #partitions}; null when it is null. */
    private final ReusableSessions[] partSessions;

    private DroolsNextBestActionEngine(
            String ruleSetVersion,
            String contactPolicyVersion,
            Map<String, String> drl,
            KieBaseCompiler.Compiled compiled,
            Map<String, String> compiledDrl,
            boolean split) {
        this.ruleSetVersion = ruleSetVersion;
        this.contactPolicyVersion = contactPolicyVersion;
        this.drl = Map.copyOf(drl);
        String label = contactPolicyVersion == null ? ruleSetVersion : ruleSetVersion + " + " + contactPolicyVersion;
        this.sessions = new ReusableSessions(label, compiled.kieBase(), KEPT_SESSIONS);
        this.partitions = !split || createsContext(compiledDrl)
                ? null
                : ContextPartitions.of(compiled.kieBase(), ReconnectContext.class, compiled.newKieBase())
                        .orElse(null);
        if (partitions == null) {
            this.partSessions = null;
        } else {
            this.partSessions = new ReusableSessions[partitions.size()];
            for (int part = 0; part < partSessions.length; part++) {
                partSessions[part] = new ReusableSessions(
                        label + " (part " + (part + 1) + " of " + partSessions.length + ")",
                        partitions.kieBase(part),
                        KEPT_SESSIONS);
            }
            log.info(
                    "Rule set {} is split into {} parts by the trigger its rules require ({}); a decision runs in the"
                            + " part of its trigger",
                    label,
                    partSessions.length,
                    partitions.splitBy());
        }
    }

    /**
     * Whether the rules may insert a reconnect context of their own: then a decision could match rules of another
     * trigger than the request's, and the rule set is not split by trigger.
     */
    static boolean createsContext(Map<String, String> drlByResourcePath) {
        return drlByResourcePath.values().stream()
                .anyMatch(text -> CREATES_CONTEXT.matcher(text).find());
    }

    private static final Pattern CREATES_CONTEXT =
            Pattern.compile("\\bnew\\s+(?:[\\w$]+\\s*\\.\\s*)*ReconnectContext\\b");

    /** The built-in rule set, compiled on first use and shared afterwards. */
    public static NextBestActionEngine builtIn() {
        return BuiltIn.ENGINE;
    }

    /**
     * Compiles a rule set from DRL texts.
     *
     * @param drlByResourcePath DRL text by resource path, e.g. {@code io/cxloop/rules/nba/next-best-action.drl}; the
     *     folder should match the DRL package
     * @throws RuleSetCompilationException with every compiler message, when the DRL does not compile or does not
     *     declare the global {@code decision}
     */
    public static DroolsNextBestActionEngine fromDrl(String ruleSetVersion, Map<String, String> drlByResourcePath) {
        KieBaseCompiler.Compiled compiled = KieBaseCompiler.compileModule(
                ruleSetVersion,
                "next-best-action",
                drlByResourcePath,
                DecisionCollector.GLOBAL_NAME,
                DecisionCollector.class);
        return new DroolsNextBestActionEngine(
                ruleSetVersion, null, drlByResourcePath, compiled, drlByResourcePath, true);
    }

    /**
     * Compiles next-best-action rules together with a contact policy into one KieBase.
     *
     * @throws RuleSetCompilationException with every compiler message, labelled with both versions
     */
    public static DroolsNextBestActionEngine compose(
            String ruleSetVersion, Map<String, String> drlByResourcePath, ContactPolicyEngine policy) {
        return compose(ruleSetVersion, drlByResourcePath, policy.ruleSetVersion(), policy.drl(), true);
    }

    /** Like {@link #compose}, never split by trigger: the reference the split rule sets are tested against. */
    static DroolsNextBestActionEngine composeWhole(
            String ruleSetVersion, Map<String, String> drlByResourcePath, ContactPolicyEngine policy) {
        return compose(ruleSetVersion, drlByResourcePath, policy.ruleSetVersion(), policy.drl(), false);
    }

    private static DroolsNextBestActionEngine compose(
            String ruleSetVersion,
            Map<String, String> drlByResourcePath,
            String policyVersion,
            Map<String, String> policyDrl,
            boolean split) {
        Map<String, String> both =
                ContactPolicyComposition.drl(ruleSetVersion, NextBestActionRuleSet.NAME, drlByResourcePath, policyDrl);
        KieBaseCompiler.Compiled compiled = KieBaseCompiler.compileModule(
                ContactPolicyComposition.label(ruleSetVersion, policyVersion),
                NextBestActionRuleSet.NAME,
                both,
                DecisionCollector.GLOBAL_NAME,
                DecisionCollector.class);
        return new DroolsNextBestActionEngine(ruleSetVersion, policyVersion, drlByResourcePath, compiled, both, split);
    }

    @Override
    public NextBestActionEngine withContactPolicy(ContactPolicyEngine policy) {
        return compose(ruleSetVersion, drl, policy);
    }

    @Override
    public String contactPolicyVersion() {
        return contactPolicyVersion;
    }

    @Override
    public NextBestAction decide(NextBestActionRequest request) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(request.customer(), "request.customer");
        Objects.requireNonNull(request.reconnect(), "request.reconnect");
        Objects.requireNonNull(request.now(), "request.now");

        DecisionCollector decision = new DecisionCollector();
        ReusableSessions sessions =
                partitions == null ? this.sessions : partSessions[partitions.partOf(request.reconnect())];
        KieSession session = sessions.take();
        boolean completed = false;
        NextBestAction action;
        try {
            session.setGlobal(DecisionCollector.GLOBAL_NAME, decision);
            if (contactPolicyVersion != null) {
                session.setGlobal(ContactPolicyCollector.GLOBAL_NAME, decision);
            }
            session.insert(request);
            session.insert(request.customer());
            session.insert(request.reconnect());
            session.insert(request.contactPolicy());
            session.insert(request.contactRequest());
            for (ContactRecord contact : request.recentContacts()) {
                session.insert(contact);
            }
            for (CandidateOffer offer : request.candidates()) {
                session.insert(offer);
            }
            List<Channel> channels = request.reconnect().channels();
            for (int rank = 0; rank < channels.size(); rank++) {
                session.insert(new ChannelCandidate(channels.get(rank), rank, Purpose.MARKETING));
            }
            int fired = session.fireAllRules(MAX_RULE_FIRINGS);
            if (fired >= MAX_RULE_FIRINGS) {
                throw new IllegalStateException("Rule set " + ruleSetVersion + " fired " + fired
                        + " rules for customer " + request.customer().customerId() + " and was stopped: it loops");
            }
            // taken before the session is emptied: nothing that happens then can change the decision
            action = decision.toNextBestAction(ruleSetVersion, contactPolicyVersion);
            completed = true;
        } finally {
            sessions.release(session, completed);
        }
        if (log.isDebugEnabled()) {
            log.debug(
                    "Next-best action for customer {} on trigger {}: {} {} {} ({})",
                    request.customer().customerId(),
                    request.reconnect().triggerKey(),
                    action.action(),
                    action.channel(),
                    action.offerId(),
                    ruleSetVersion);
        }
        return action;
    }

    /** Into how many parts the rule set is split by trigger; 1 when it is not split. */
    int parts() {
        return partitions == null ? 1 : partitions.size();
    }

    @Override
    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    /** Holder idiom: compiles the built-in rule set once, on first use, thread-safely. */
    private static final class BuiltIn {
        static final NextBestActionEngine ENGINE = compose(
                BUILT_IN_VERSION,
                readBuiltInResources(),
                ContactPolicyRuleSet.BUILT_IN_VERSION,
                DroolsContactPolicyEngine.builtInDrl(),
                true);

        private static Map<String, String> readBuiltInResources() {
            Map<String, String> drls = new LinkedHashMap<>();
            ClassLoader classLoader = DroolsNextBestActionEngine.class.getClassLoader();
            for (String path : BUILT_IN_RESOURCES) {
                try (InputStream in = classLoader.getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IllegalStateException("Built-in rule file missing from the classpath: " + path);
                    }
                    drls.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read built-in rule file " + path, e);
                }
            }
            return drls;
        }
    }
}
