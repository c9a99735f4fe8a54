package io.cxloop.engine.message;

import io.cxloop.connectors.outbox.DispatchGuard;
import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.engine.cases.CaseRepository;
import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
import io.cxloop.engine.decision.ContactHistory;
import io.cxloop.engine.decision.ContactPolicyProperties;
import io.cxloop.engine.optout.SuppressionReason;
import io.cxloop.engine.optout.SuppressionRepository;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.ContactPolicy;
import io.cxloop.rules.nba.ContactRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact policy once more, just before a message leaves (DESIGN.md: "checked at decision time and again just
 * before dispatch"): the customer must still exist and still consent to the message's channel, the address must not
 * have bounced, and marketing must not go to an address that unsubscribed nor to a customer whose complaint case is
 * open (it may have been opened while the message waited, e.g. a survey invitation two days after a delivery), nor
 * beyond the marketing caps counted over the messages that went out meanwhile.
 * Marketing e-mail and SMS that fall into the customer's quiet hours (e.g. a retry at night) wait until they end.
 */
@Component
public class ContactPolicyGuard implements DispatchGuard {

    /**
     * Templates of notices to staff about a customer (e.g. an SLA escalation to the team lead): they do not go to the
     * customer, so the customer's consent does not apply.
     */
    public static final Set<String> STAFF_TEMPLATES = Set.of("case-escalation");

    private final CustomerRepository customers;
    private final SuppressionRepository suppressionList;
    private final CaseRepository cases;
    private final ContactHistory history;
    private final ContactPolicy policy;
    private final Clock clock;

    public ContactPolicyGuard(
            CustomerRepository customers,
            SuppressionRepository suppressionList,
            CaseRepository cases,
            ContactHistory history,
            ContactPolicyProperties policy,
            Clock clock) {
        this.customers = customers;
        this.suppressionList = suppressionList;
        this.cases = cases;
        this.history = history;
        this.policy = policy.toPolicy();
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Verdict check(OutboxMessage message) {
        if (message.customerId() == null || STAFF_TEMPLATES.contains(message.kind())) {
            return Verdict.allow();
        }
        Optional<Customer> customer = customers.find(message.customerId());
        if (customer.isEmpty()) {
            return Verdict.suppress("customer " + message.customerId() + " no longer exists");
        }
        Channel channel = Channel.valueOf(message.channel());
        if (!Boolean.TRUE.equals(customer.get().consents().get(channel))) {
            return Verdict.suppress("consent for " + channel + " withdrawn after the message was queued");
        }
        Set<SuppressionReason> suppressions = suppressionList.reasonsFor(channel, message.recipient());
        if (suppressions.contains(SuppressionReason.BOUNCED)) {
            return Verdict.suppress("address " + message.recipient() + " bounced");
        }
        if (message.marketing() && suppressions.contains(SuppressionReason.UNSUBSCRIBED)) {
            return Verdict.suppress("address " + message.recipient() + " unsubscribed from marketing");
        }
        if (message.marketing() && cases.countOpen(message.customerId()) > 0) {
            return Verdict.suppress("the customer has an open complaint case: no marketing until the loop is closed");
        }
        String overCap = message.marketing() ? overCap(message, channel) : null;
        if (overCap != null) {
            return Verdict.suppress(overCap);
        }
        if (message.marketing() && channel != Channel.CALL_QUEUE) {
            Instant quietUntil =
                    policy.quietHoursEnd(clock.instant(), customer.get().timezone());
            if (quietUntil != null) {
                return Verdict.postpone(
                        quietUntil, "quiet hours in " + customer.get().timezone() + " until " + quietUntil);
            }
        }
        return Verdict.allow();
    }

    /**
     * Why the message would exceed a marketing cap now, or null. The decision counted the messages queued then; those
     * that went out since (another campaign's offer while this one waited) count here by the time they were sent.
     */
    private String overCap(OutboxMessage message, Channel channel) {
        List<ContactRecord> sent =
                history.marketingSentSince(message.customerId(), clock.instant().minus(policy.window()), message.id());
        if (sent.size() >= policy.marketingCap()) {
            return "the customer got " + sent.size() + " marketing message(s) within " + window()
                    + " before this one was due; the cap is " + policy.marketingCap();
        }
        long onChannel = sent.stream().filter(c -> c.channel() == channel).count();
        if (onChannel >= policy.capOf(channel)) {
            return "the customer got " + onChannel + " marketing " + channel + " message(s) within " + window()
                    + " before this one was due; the cap is " + policy.capOf(channel);
        }
        return null;
    }

    private String window() {
        Duration window = policy.window();
        return window.toSeconds() % 86_400 == 0 ? window.toDays() + " days" : window.toString();
    }
}
