package io.cxloop.rules.nba.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.model.OfferKind;
import io.cxloop.rules.nba.ActionType;
import io.cxloop.rules.nba.CandidateOffer;
import io.cxloop.rules.nba.ContactRecord;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.nba.NextBestActionRuleSet;
import io.cxloop.rules.nba.Propensity;
import io.cxloop.rules.nba.ReconnectContext;
import io.cxloop.rules.policy.ContactPolicyEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rule set with many per-trigger rules is split by trigger (ContextPartitions): each decision runs with the rules
 * that can match its trigger, and decides exactly as the whole rule set does, explanations and their order included.
 */
class TriggerSplitTest {

    private static final String PATH = "io/cxloop/rules/nba/uploaded.drl";
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final int TRIGGERS = 40;
    private static final String[] OFFERS = {"ten-percent", "free-shipping", "style-guide", "review-invite"};

    private static String drl;
    private static DroolsNextBestActionEngine split;
    private static DroolsNextBestActionEngine whole;

    @BeforeAll
    static void compile() throws IOException {
        drl = builtInDrl() + perTriggerRules(TRIGGERS);
        split = DroolsNextBestActionEngine.compose("next-best-action@split", Map.of(PATH, drl), policy());
        whole = DroolsNextBestActionEngine.composeWhole("next-best-action@split", Map.of(PATH, drl), policy());
    }

    @Test
    void ruleSetWithManyPerTriggerRulesIsSplitAndDecidesLikeTheWholeRuleSet() {
        assertThat(split.parts()).isGreaterThan(1);
        assertThat(whole.parts()).isEqualTo(1);

        List<NextBestActionRequest> requests = requests(600);
        List<NextBestAction> bySplit = requests.stream().map(split::decide).toList();
        List<NextBestAction> byWhole = requests.stream().map(whole::decide).toList();

        assertThat(bySplit).isEqualTo(byWhole);
        // the requests reach every kind of rule: per-trigger rejections and vetoes, and the built-in outcomes
        List<String> firedRules = byWhole.stream()
                .flatMap(action -> action.explanations().stream())
                .map(explanation -> explanation.rule())
                .distinct()
                .toList();
        assertThat(firedRules)
                .anyMatch(rule -> rule.endsWith("does not text English speakers"))
                .anyMatch(rule -> rule.endsWith("waits for customers with several open cases"))
                .anyMatch(rule -> rule.endsWith("offer") && rule.startsWith("Trigger"))
                .anyMatch(rule -> rule.startsWith("Not on trigger"))
                .contains("The offer with the highest priority wins", "No marketing while a complaint case is open");
        assertThat(byWhole)
                .extracting(NextBestAction::action)
                .contains(ActionType.RECONNECT_OFFER, ActionType.NO_ACTION);
    }

    @Test
    void ruleSetThatCreatesReconnectContextsIsNotSplit() {
        String creating = drl
                + """
                rule "A second trigger"
                    salience -200
                when
                    ReconnectContext( triggerKey == "trigger-1", $channels : channels, $reEntry : reEntry )
                then
                    insert( new io.cxloop.rules.nba.ReconnectContext( "trigger-2", $channels, $reEntry, null ) );
                end
                """;

        DroolsNextBestActionEngine engine =
                DroolsNextBestActionEngine.compose("next-best-action@creating", Map.of(PATH, creating), policy());

        assertThat(engine.parts()).isEqualTo(1);
        assertThat(DroolsNextBestActionEngine.createsContext(Map.of(PATH, "insert( new ReconnectContext( k ) );")))
                .isTrue();
        assertThat(DroolsNextBestActionEngine.createsContext(Map.of(PATH, "$r : ReconnectContext( triggerKey == k )")))
                .isFalse();
    }

    @Test
    void ruleSetWithFewPerTriggerRulesIsNotSplit() {
        DroolsNextBestActionEngine engine = DroolsNextBestActionEngine.compose(
                "next-best-action@few", Map.of(PATH, builtInDrl() + perTriggerRules(9)), policy());

        assertThat(engine.parts()).isEqualTo(1);
    }

    private static ContactPolicyEngine policy() {
        return ContactPolicyEngine.builtIn();
    }

    /**
     * Per trigger: three rules that begin with the trigger, as analysts write them (as in the benchmark), and one whose
     * trigger is under a {@code not}: that one can fire for every other trigger, so it belongs to every part.
     */
    private static String perTriggerRules(int triggers) {
        StringBuilder rules = new StringBuilder("\n");
        for (int i = 0; i < triggers; i++) {
            rules.append(
                    """
                    rule "Trigger %1$d makes no %2$s offer"
                        salience 90
                    when
                        ReconnectContext( triggerKey == "trigger-%1$d" )
                        CandidateOffer( $id : offerId, offerId == "%2$s" )
                    then
                        insert( new OfferRejection( $id, drools.getRule().getName() ) );
                        decision.explain( drools.getRule().getName(), "%2$s rejected on trigger %1$d" );
                    end

                    rule "Trigger %1$d does not text English speakers"
                        salience 90
                    when
                        ReconnectContext( triggerKey == "trigger-%1$d" )
                        CustomerProfile( language == "en" )
                        $candidate : ChannelCandidate( channel == Channel.SMS, rejected == false )
                    then
                        modify( $candidate ) { setRejected( true ) };
                        decision.explain( drools.getRule().getName(), "SMS rejected on trigger %1$d" );
                    end

                    rule "Trigger %1$d waits for customers with several open cases"
                        salience 90
                    when
                        ReconnectContext( triggerKey == "trigger-%1$d" )
                        CustomerProfile( openComplaintCases > 1 )
                    then
                        insert( new ContactVeto( drools.getRule().getName() ) );
                        decision.explain( drools.getRule().getName(), "no contact on trigger %1$d" );
                    end

                    rule "Not on trigger %1$d: German speakers see no %2$s offer"
                        salience 80
                    when
                        not ReconnectContext( triggerKey == "trigger-%1$d" )
                        CustomerProfile( language == "de" )
                        CandidateOffer( $id : offerId, offerId == "%2$s", customerIssues > 0 )
                    then
                        decision.explain( drools.getRule().getName(), "%2$s noted on trigger %1$d" );
                    end
                    """
                            .formatted(i, OFFERS[i % OFFERS.length]));
        }
        return rules.toString();
    }

    /** Customers of every kind on the triggers of the rules and one without rules, with four offers each. */
    private static List<NextBestActionRequest> requests(int count) {
        Random random = new Random(7);
        List<Set<Channel>> consents = List.of(
                Set.of(Channel.EMAIL),
                Set.of(Channel.EMAIL, Channel.SMS),
                Set.of(Channel.SMS),
                Set.of(Channel.EMAIL, Channel.SMS, Channel.CALL_QUEUE),
                Set.of());
        List<String> zones = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo");
        Offer terms = new Offer(15, Duration.ofHours(24), true);
        List<NextBestActionRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CustomerProfile customer = new CustomerProfile(
                    "customer-" + i,
                    random.nextBoolean() ? "de" : "en",
                    zones.get(random.nextInt(zones.size())),
                    random.nextInt(10) == 0 ? null : "customer-" + i + "@example.org",
                    random.nextInt(5) == 0 ? null : "+49151" + (1000000 + i),
                    consents.get(random.nextInt(consents.size())),
                    random.nextInt(6) == 0 ? 1 + random.nextInt(3) : 0);
            String trigger = random.nextInt(20) == 0 ? "trigger-without-rules" : "trigger-" + random.nextInt(TRIGGERS);
            ReconnectContext reconnect = new ReconnectContext(
                    trigger,
                    random.nextBoolean() ? List.of(Channel.EMAIL, Channel.SMS) : List.of(Channel.SMS, Channel.EMAIL),
                    Duration.ofDays(1 + random.nextInt(7)),
                    terms);
            List<ContactRecord> contacts = new ArrayList<>();
            for (int c = random.nextInt(3); c > 0; c--) {
                contacts.add(new ContactRecord(
                        "trigger-" + random.nextInt(TRIGGERS),
                        random.nextBoolean() ? Channel.EMAIL : Channel.SMS,
                        NOW.minus(Duration.ofHours(1 + random.nextInt(24 * 14))),
                        random.nextInt(3) != 0));
            }
            requests.add(new NextBestActionRequest(
                    customer, reconnect, contacts, NOW.plusSeconds(random.nextInt(86_400)), null, offers(random)));
        }
        return requests;
    }

    private static List<CandidateOffer> offers(Random random) {
        double[] values = {10, 6, 2, 3};
        OfferKind[] kinds = {OfferKind.DISCOUNT, OfferKind.FREE_SHIPPING, OfferKind.CONTENT, OfferKind.REVIEW_INVITE};
        List<CandidateOffer> offers = new ArrayList<>();
        for (int o = 0; o < OFFERS.length; o++) {
            Map<Channel, Propensity> propensity = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                long impressions = random.nextInt(500);
                propensity.put(
                        channel,
                        Propensity.DEFAULT_PRIOR.observe(random.nextInt((int) impressions / 4 + 1), impressions));
            }
            offers.add(new CandidateOffer(
                    OFFERS[o],
                    OFFERS[o],
                    kinds[o],
                    new Offer(o == 0 ? 10 : 0, Duration.ofDays(2), o == 1),
                    values[o],
                    o == 2 ? 1.5 : 1,
                    o == 3 ? Set.of(Channel.EMAIL) : Set.of(),
                    null,
                    null,
                    o < 2 ? 1 : null,
                    o < 2 ? Duration.ofDays(30) : null,
                    random.nextInt(2),
                    null,
                    null,
                    null,
                    random.nextInt(12_000),
                    propensity,
                    o,
                    null));
        }
        return offers;
    }

    private static String builtInDrl() {
        try (InputStream in =
                TriggerSplitTest.class.getClassLoader().getResourceAsStream(NextBestActionRuleSet.BUILT_IN_DRL)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
