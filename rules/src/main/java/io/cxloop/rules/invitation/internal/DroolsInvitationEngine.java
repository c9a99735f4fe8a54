package io.cxloop.rules.invitation.internal;

import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.internal.KieBaseCompiler;
import io.cxloop.rules.invitation.InvitationDecision;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.invitation.InvitationRequest;
import io.cxloop.rules.invitation.InvitationRuleSets;
import io.cxloop.rules.nba.ContactRecord;
import io.cxloop.rules.policy.ContactPolicyCollector;
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.policy.ContactPolicyRuleSet;
import io.cxloop.rules.policy.internal.ContactPolicyComposition;
import io.cxloop.rules.policy.internal.DroolsContactPolicyEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * An invitation decision on a Drools executable-model KieBase, compiled once; every {@link #decide} runs in a pooled
 * session of its own, so one instance serves all threads. The KieBase holds the invitation rules and, composed into it
 * like into the next-best-action's, the contact policy's: one session per decision, whichever versions are active.
 */
public final class DroolsInvitationEngine implements InvitationEngine {

    /** A rule set that fires more often than this for one decision is looping; the decision fails instead. */
    static final int MAX_RULE_FIRINGS = 10_000;

    private static final int POOLED_SESSIONS = 4;

    private static final Map<String, InvitationEngine> BUILT_IN = new ConcurrentHashMap<>();

    private final String ruleSetVersion;
    private final String contactPolicyVersion;
    /** The invitation rules alone, for composing them with another contact policy. */
    private final Map<String, String> drl;

    private final KieSessionsPool sessions;

    private DroolsInvitationEngine(
            String ruleSetVersion, String contactPolicyVersion, Map<String, String> drl, KieBase kieBase) {
        this.ruleSetVersion = ruleSetVersion;
        this.contactPolicyVersion = contactPolicyVersion;
        this.drl = Map.copyOf(drl);
        this.sessions = kieBase.newKieSessionsPool(POOLED_SESSIONS);
    }

    /**
     * The built-in version of the rule set composed with the built-in contact policy, compiled on first use and shared
     * afterwards.
     */
    public static InvitationEngine builtIn(String ruleSet) {
        String path = InvitationRuleSets.builtInDrl(ruleSet);
        return BUILT_IN.computeIfAbsent(
                ruleSet,
                name -> compose(
                        name + "@builtin-1",
                        Map.of(path, read(path)),
                        ContactPolicyRuleSet.BUILT_IN_VERSION,
                        DroolsContactPolicyEngine.builtInDrl()));
    }

    /**
     * Compiles a rule set from DRL texts, without a contact policy.
     *
     * @throws RuleSetCompilationException with every compiler message, when the DRL does not compile or does not
     *     declare the global {@code decision}
     */
    public static DroolsInvitationEngine fromDrl(String ruleSetVersion, Map<String, String> drlByResourcePath) {
        KieBase kieBase = KieBaseCompiler.compile(
                ruleSetVersion,
                "invitation",
                drlByResourcePath,
                InvitationCollector.GLOBAL_NAME,
                InvitationCollector.class);
        return new DroolsInvitationEngine(ruleSetVersion, null, drlByResourcePath, kieBase);
    }

    /**
     * Compiles invitation rules together with a contact policy into one KieBase.
     *
     * @throws RuleSetCompilationException with every compiler message, labelled with both versions
     */
    public static DroolsInvitationEngine compose(
            String ruleSetVersion, Map<String, String> drlByResourcePath, ContactPolicyEngine policy) {
        return compose(ruleSetVersion, drlByResourcePath, policy.ruleSetVersion(), policy.drl());
    }

    private static DroolsInvitationEngine compose(
            String ruleSetVersion,
            Map<String, String> drlByResourcePath,
            String policyVersion,
            Map<String, String> policyDrl) {
        Map<String, String> both =
                ContactPolicyComposition.drl(ruleSetVersion, "invitation", drlByResourcePath, policyDrl);
        KieBase kieBase = KieBaseCompiler.compile(
                ContactPolicyComposition.label(ruleSetVersion, policyVersion),
                "invitation",
                both,
                InvitationCollector.GLOBAL_NAME,
                InvitationCollector.class);
        return new DroolsInvitationEngine(ruleSetVersion, policyVersion, drlByResourcePath, kieBase);
    }

    @Override
    public InvitationEngine withContactPolicy(ContactPolicyEngine policy) {
        return compose(ruleSetVersion, drl, policy);
    }

    @Override
    public String contactPolicyVersion() {
        return contactPolicyVersion;
    }

    @Override
    public InvitationDecision decide(InvitationRequest request) {
        Objects.requireNonNull(request, "request");
        InvitationCollector decision = new InvitationCollector();
        KieSession session = sessions.newKieSession();
        try {
            session.setGlobal(InvitationCollector.GLOBAL_NAME, decision);
            if (contactPolicyVersion != null) {
                session.setGlobal(ContactPolicyCollector.GLOBAL_NAME, decision);
            }
            session.insert(request);
            session.insert(request.customer());
            session.insert(request.contactPolicy());
            session.insert(request.contactRequest());
            if (request.survey() != null) {
                session.insert(request.survey());
            }
            if (request.review() != null) {
                session.insert(request.review());
            }
            for (ContactRecord contact : request.recentContacts()) {
                session.insert(contact);
            }
            int fired = session.fireAllRules(MAX_RULE_FIRINGS);
            if (fired >= MAX_RULE_FIRINGS) {
                throw new IllegalStateException("Rule set " + ruleSetVersion + " fired " + fired
                        + " rules for customer " + request.customer().customerId() + " and was stopped: it loops");
            }
        } finally {
            session.dispose();
        }
        return decision.toDecision(ruleSetVersion, contactPolicyVersion);
    }

    @Override
    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    private static String read(String path) {
        try (InputStream in = DroolsInvitationEngine.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Built-in rule file missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read built-in rule file " + path, e);
        }
    }
}
