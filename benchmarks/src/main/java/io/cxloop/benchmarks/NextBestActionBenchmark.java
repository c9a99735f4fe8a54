package io.cxloop.benchmarks;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.model.OfferKind;
import io.cxloop.rules.nba.CandidateOffer;
import io.cxloop.rules.nba.ContactRecord;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.nba.NextBestActionRuleSet;
import io.cxloop.rules.nba.Propensity;
import io.cxloop.rules.nba.ReconnectContext;
import io.cxloop.rules.policy.ContactPolicyEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One next-best-action decision with the built-in rules plus {@code generatedRules} generated ones (per-trigger channel
 * and offer eligibility and vetoes, as analysts would add for many triggers), on realistic facts: customers with
 * different consents, languages, time zones, open cases and contact histories, deciding on one of as many triggers as
 * there are generated rules, with four catalogue offers to arbitrate between (each with its usage, caps, budget and
 * learned propensities). Throughput is per thread; sample time gives the latency percentiles.
 *
 * <p>Warm-up is 30 s: a rule set split by trigger (up to 16 KieBases, see {@code ContextPartitions}) reaches its steady
 * rate only after 20–30 s of decisions on the idle 2-core machine (5,700–10,800/s in the first 9 s, then 23,000–24,000/s
 * from the 12th second on, 2026-12-06); with the former 9 s the measurement averaged the tail of the JIT compilation.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class NextBestActionBenchmark {

    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final int REQUESTS = 1024;

    @Param("500")
    int generatedRules;

    private NextBestActionEngine engine;
    private NextBestActionRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void compile() {
        String drl = builtInDrl() + generatedRules(generatedRules);
        // composed with the built-in contact policy, as every decision of the application is
        engine = NextBestActionEngine.compose(
                "next-best-action@benchmark-" + generatedRules,
                Map.of("io/cxloop/rules/nba/benchmark.drl", drl),
                ContactPolicyEngine.builtIn());
        requests = requests(generatedRules);
    }

    @Benchmark
    public NextBestAction decide() {
        NextBestActionRequest request = requests[next++ & (REQUESTS - 1)];
        return engine.decide(request);
    }

    /**
     * A third of the rules reject SMS for English speakers on one trigger, a third veto customers with open cases, a
     * third keep an offer out of one trigger.
     */
    static String generatedRules(int count) {
        StringBuilder drl = new StringBuilder("\n// ---- generated for the benchmark ----\n");
        for (int i = 0; i < count; i++) {
            if (i % 3 == 2) {
                drl.append(
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
                        """
                                .formatted(i, OFFERS[i % OFFERS.length]));
            } else if (i % 3 == 0) {
                drl.append(
                        """
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
                        """
                                .formatted(i));
            } else {
                drl.append(
                        """
                        rule "Trigger %1$d waits for customers with several open cases"
                            salience 90
                        when
                            ReconnectContext( triggerKey == "trigger-%1$d" )
                            CustomerProfile( openComplaintCases > 1 )
                        then
                            insert( new ContactVeto( drools.getRule().getName() ) );
                            decision.explain( drools.getRule().getName(), "no contact on trigger %1$d" );
                        end
                        """
                                .formatted(i));
            }
        }
        return drl.toString();
    }

    private static final String[] OFFERS = {"ten-percent", "free-shipping", "style-guide", "review-invite"};

    /** The catalogue as one customer's decision sees it: usage, caps, budget and propensities vary by customer. */
    static List<CandidateOffer> offers(Random random) {
        List<CandidateOffer> offers = new ArrayList<>();
        double[] values = {10, 6, 2, 3};
        OfferKind[] kinds = {OfferKind.DISCOUNT, OfferKind.FREE_SHIPPING, OfferKind.CONTENT, OfferKind.REVIEW_INVITE};
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
                    o == 0 ? NOW.minus(Duration.ofDays(30)) : null,
                    o == 0 ? NOW.plus(Duration.ofDays(30)) : null,
                    o < 2 ? 1 : null,
                    o < 2 ? Duration.ofDays(30) : null,
                    random.nextInt(2),
                    o == 1 ? 10_000L : null,
                    o == 0 ? 50_000.0 : null,
                    o == 0 ? 4.5 : null,
                    random.nextInt(12_000),
                    propensity,
                    o,
                    null));
        }
        return offers;
    }

    static NextBestActionRequest[] requests(int triggers) {
        Random random = new Random(42);
        Offer offer = new Offer(15, Duration.ofHours(24), true);
        List<Set<Channel>> consents = List.of(
                Set.of(Channel.EMAIL),
                Set.of(Channel.EMAIL, Channel.SMS),
                Set.of(Channel.SMS),
                Set.of(Channel.EMAIL, Channel.SMS, Channel.CALL_QUEUE),
                Set.of());
        List<String> zones = List.of("Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo");
        NextBestActionRequest[] requests = new NextBestActionRequest[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            CustomerProfile customer = new CustomerProfile(
                    "customer-" + i,
                    random.nextBoolean() ? "de" : "en",
                    zones.get(random.nextInt(zones.size())),
                    random.nextInt(10) == 0 ? null : "customer-" + i + "@example.org",
                    random.nextInt(5) == 0 ? null : "+49151" + (1000000 + i),
                    consents.get(random.nextInt(consents.size())),
                    random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 0);
            ReconnectContext trigger = new ReconnectContext(
                    "trigger-" + random.nextInt(triggers),
                    random.nextBoolean() ? List.of(Channel.EMAIL, Channel.SMS) : List.of(Channel.SMS, Channel.EMAIL),
                    Duration.ofDays(1 + random.nextInt(7)),
                    offer);
            List<ContactRecord> contacts = new ArrayList<>();
            int history = random.nextInt(4);
            for (int c = 0; c < history; c++) {
                contacts.add(new ContactRecord(
                        "trigger-" + random.nextInt(triggers),
                        random.nextBoolean() ? Channel.EMAIL : Channel.SMS,
                        NOW.minus(Duration.ofHours(1 + random.nextInt(24 * 14))),
                        random.nextInt(3) != 0));
            }
            requests[i] = new NextBestActionRequest(
                    customer, trigger, contacts, NOW.plusSeconds(random.nextInt(86_400)), null, offers(random));
        }
        return requests;
    }

    private static String builtInDrl() {
        try (InputStream in = NextBestActionBenchmark.class
                .getClassLoader()
                .getResourceAsStream(NextBestActionRuleSet.BUILT_IN_DRL)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
