package io.cxloop.engine.customer;

import io.cxloop.engine.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /** The result of an upsert: the stored customer and whether it was new. */
    public record Saved(Customer customer, boolean created) {}

    @Transactional
    public Saved save(String customerId, CustomerRequest request) {
        Instant now = clock.instant();
        Customer customer = new Customer(
                customerId,
                request.firstName(),
                request.lastName(),
                request.email(),
                request.phone(),
                request.language(),
                request.timezone(),
                request.consents(),
                request.valueSegment(),
                now,
                now);
        boolean created = customers.save(customer);
        return new Saved(get(customerId), created);
    }

    @Transactional(readOnly = true)
    public Customer get(String customerId) {
        return customers.find(customerId).orElseThrow(() -> new NotFoundException("no customer " + customerId));
    }
}
