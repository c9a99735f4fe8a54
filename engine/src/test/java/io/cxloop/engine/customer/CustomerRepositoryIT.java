package io.cxloop.engine.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.engine.support.EngineIT;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.ValueSegment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A customer is read with every consent they gave or withdrew, in one statement. */
class CustomerRepositoryIT extends EngineIT {

    @Autowired
    CustomerRepository customers;

    @Test
    void aCustomerIsReadWithEachConsentGrantedOrWithdrawn() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Customer anna = anna(Map.of(Channel.EMAIL, true, Channel.SMS, true, Channel.CALL_QUEUE, false), at);
        customers.save(anna);
        customers.withdrawConsent(anna.customerId(), Channel.SMS, at);

        Customer read = customers.find(anna.customerId()).orElseThrow();

        assertThat(read.consents())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Channel.EMAIL, true, Channel.SMS, false, Channel.CALL_QUEUE, false));
        assertThat(read.consentedChannels()).containsExactly(Channel.EMAIL);
        assertThat(read.firstName()).isEqualTo("Anna");
        assertThat(read.lastName()).isEqualTo("Schmidt");
        assertThat(read.email()).isEqualTo(anna.email());
        assertThat(read.language()).isEqualTo("de");
        assertThat(read.timezone()).isEqualTo("Europe/Berlin");
        assertThat(read.valueSegment()).isEqualTo(ValueSegment.HIGH);
        assertThat(read.createdAt()).isEqualTo(at);
    }

    @Test
    void aCustomerWhoGaveNoConsentIsReadWithNone() {
        Customer anna = anna(Map.of(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        customers.save(anna);

        Customer read = customers.find(anna.customerId()).orElseThrow();

        assertThat(read.customerId()).isEqualTo(anna.customerId());
        assertThat(read.consents()).isEmpty();
        assertThat(read.consentedChannels()).isEmpty();
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        assertThat(customers.find("no-such-customer-" + UUID.randomUUID())).isEmpty();
    }

    private static Customer anna(Map<Channel, Boolean> consents, Instant at) {
        String id = "repo-" + UUID.randomUUID();
        return new Customer(
                id,
                "Anna",
                "Schmidt",
                id + "@example.com",
                "+4915112345678",
                "de",
                "Europe/Berlin",
                consents,
                ValueSegment.HIGH,
                at,
                at);
    }
}
