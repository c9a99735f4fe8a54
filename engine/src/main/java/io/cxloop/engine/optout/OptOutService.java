package io.cxloop.engine.optout;

import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opt-outs: a one-click unsubscribe withdraws the customer's consent to the channel (so the next decision no longer
 * picks it) and puts the address on the suppression list for marketing (so the dispatch guard stops what is already
 * queued, also for another customer record with the same address).
 */
@Service
public class OptOutService {

    private static final Logger log = LoggerFactory.getLogger(OptOutService.class);

    private final UnsubscribeTokens tokens;
    private final CustomerRepository customers;
    private final SuppressionRepository suppressionList;
    private final Clock clock;

    public OptOutService(
            UnsubscribeTokens tokens,
            CustomerRepository customers,
            SuppressionRepository suppressionList,
            Clock clock) {
        this.tokens = tokens;
        this.customers = customers;
        this.suppressionList = suppressionList;
        this.clock = clock;
    }

    /** Whom a token would unsubscribe, without doing it (for the confirmation page). */
    @Transactional(readOnly = true)
    public Optional<Customer> subjectOf(String token) {
        return tokens.verify(token).flatMap(subject -> customers.find(subject.customerId()));
    }

    /**
     * Unsubscribes the token's customer from the token's channel; doing it twice is harmless.
     *
     * @return the customer, or empty when the token is not genuine or the customer is gone
     */
    @Transactional
    public Optional<Customer> unsubscribe(String token) {
        Optional<UnsubscribeTokens.Subject> subject = tokens.verify(token);
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        String customerId = subject.get().customerId();
        if (!customers.withdrawConsent(customerId, subject.get().channel(), clock.instant())) {
            return Optional.empty();
        }
        Customer customer = customers.find(customerId).orElseThrow();
        String address = customer.addressFor(subject.get().channel());
        if (address != null) {
            suppressionList.add(
                    subject.get().channel(),
                    address,
                    SuppressionReason.UNSUBSCRIBED,
                    customerId,
                    "one-click unsubscribe");
        }
        log.info("Customer {} unsubscribed from {}", customerId, subject.get().channel());
        return Optional.of(customer);
    }
}
