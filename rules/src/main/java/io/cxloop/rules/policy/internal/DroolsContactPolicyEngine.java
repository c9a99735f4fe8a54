package io.cxloop.rules.policy.internal;

import io.cxloop.rules.internal.KieBaseCompiler;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.ContactRecord;
import io.cxloop.rules.policy.ChannelCandidate;
import io.cxloop.rules.policy.ChosenChannel;
import io.cxloop.rules.policy.ContactPolicyCollector;
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.policy.ContactPolicyOutcome;
import io.cxloop.rules.policy.ContactPolicyRequest;
import io.cxloop.rules.policy.ContactPolicyRequest.ChannelOption;
import io.cxloop.rules.policy.ContactPolicyRuleSet;
import io.cxloop.rules.policy.ContactVeto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The contact policy alone on a KieBase of its own, for scenario tests and checks. Decisions do not go through here:
 * the next-best-action and invitation KieBases are compiled with the policy's DRL in them.
 */
public final class DroolsContactPolicyEngine implements ContactPolicyEngine {

    /** A policy that fires more often than this for one evaluation is looping; the evaluation fails instead. */
    static final int MAX_RULE_FIRINGS = 10_000;

    private final String ruleSetVersion;
    private final Map<String, String> drl;
    private final KieBase kieBase;

    private DroolsContactPolicyEngine(String ruleSetVersion, Map<String, String> drl, KieBase kieBase) {
        this.ruleSetVersion = ruleSetVersion;
        this.drl = drl;
        this.kieBase = kieBase;
    }

    public static ContactPolicyEngine builtIn() {
        return BuiltIn.ENGINE;
    }

    /** The built-in policy's DRL by resource path, read from the classpath (no compilation). */
    public static Map<String, String> builtInDrl() {
        return BuiltInDrl.DRL;
    }

    public static DroolsContactPolicyEngine fromDrl(String ruleSetVersion, Map<String, String> drlByResourcePath) {
        Map<String, String> drl = Map.copyOf(drlByResourcePath);
        KieBase kieBase = KieBaseCompiler.compile(
                ruleSetVersion,
                ContactPolicyRuleSet.NAME,
                drl,
                ContactPolicyCollector.GLOBAL_NAME,
                ContactPolicyCollector.class);
        return new DroolsContactPolicyEngine(ruleSetVersion, drl, kieBase);
    }

    @Override
    public ContactPolicyOutcome evaluate(ContactPolicyRequest request) {
        Objects.requireNonNull(request, "request");
        PolicyCollector policy = new PolicyCollector();
        List<ChannelCandidate> candidates = new ArrayList<>();
        List<String> vetoes = new ArrayList<>();
        Channel chosen = null;
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal(ContactPolicyCollector.GLOBAL_NAME, policy);
            session.insert(request.contactRequest());
            session.insert(request.customer());
            session.insert(request.contactPolicy());
            for (ContactRecord contact : request.recentContacts()) {
                session.insert(contact);
            }
            List<ChannelOption> channels = request.channels();
            for (int rank = 0; rank < channels.size(); rank++) {
                ChannelOption option = channels.get(rank);
                ChannelCandidate candidate =
                        new ChannelCandidate(option.channel(), rank, option.purpose(), option.inbound());
                candidates.add(candidate);
                session.insert(candidate);
            }
            fire(session, request);
            session.getObjects(ContactVeto.class::isInstance).forEach(veto -> vetoes.add(((ContactVeto) veto).rule()));
            for (ChannelCandidate candidate : candidates) {
                if (!candidate.isRejected()) {
                    // as if the deciding rules chose it: the timing rules see the message that would go
                    candidate.setChosen(true);
                    session.insert(new ChosenChannel(candidate));
                    chosen = candidate.getChannel();
                    fire(session, request);
                    break;
                }
            }
        } finally {
            session.dispose();
        }
        List<Channel> allowed = candidates.stream()
                .filter(candidate -> !candidate.isRejected())
                .map(ChannelCandidate::getChannel)
                .toList();
        List<Channel> rejected = candidates.stream()
                .filter(ChannelCandidate::isRejected)
                .map(ChannelCandidate::getChannel)
                .toList();
        return new ContactPolicyOutcome(
                allowed,
                rejected,
                vetoes,
                chosen,
                chosen == null ? null : policy.notBefore(),
                policy.explanations(),
                ruleSetVersion);
    }

    private void fire(KieSession session, ContactPolicyRequest request) {
        int fired = session.fireAllRules(MAX_RULE_FIRINGS);
        if (fired >= MAX_RULE_FIRINGS) {
            throw new IllegalStateException("Rule set " + ruleSetVersion + " fired " + fired + " rules for customer "
                    + request.customer().customerId() + " and was stopped: it loops");
        }
    }

    @Override
    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    @Override
    public Map<String, String> drl() {
        return drl;
    }

    /** Holder idiom: compiles the built-in policy alone on first use. */
    private static final class BuiltIn {
        static final ContactPolicyEngine ENGINE = fromDrl(ContactPolicyRuleSet.BUILT_IN_VERSION, BuiltInDrl.DRL);
    }

    /** Holder idiom: reads the built-in policy's DRL once; composing it needs no compilation of its own. */
    private static final class BuiltInDrl {
        static final Map<String, String> DRL = read(ContactPolicyRuleSet.BUILT_IN_DRL);

        private static Map<String, String> read(String path) {
            Map<String, String> drls = new LinkedHashMap<>();
            try (InputStream in =
                    DroolsContactPolicyEngine.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("Built-in rule file missing from the classpath: " + path);
                }
                drls.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read built-in rule file " + path, e);
            }
            return Map.copyOf(drls);
        }
    }
}
