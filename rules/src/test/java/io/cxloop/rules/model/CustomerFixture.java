package io.cxloop.rules.model;

import java.util.EnumSet;
import java.util.Set;

/** Customers as the next-best-action rules see them, named after what matters to the decision. */
public final class CustomerFixture {

    private static final String EMAIL = "john.doe@example.de";
    private static final String PHONE = "+49 151 23456789";

    private CustomerFixture() {}

    /** John from the reconnect story: e-mail address and phone, consented to e-mail only. */
    public static CustomerProfile germanCustomerWithEmailConsent() {
        return german(EMAIL, PHONE, EnumSet.of(Channel.EMAIL));
    }

    public static CustomerProfile germanCustomerWithSmsConsentOnly() {
        return german(EMAIL, PHONE, EnumSet.of(Channel.SMS));
    }

    public static CustomerProfile germanCustomerWithEmailAndSmsConsent() {
        return german(EMAIL, PHONE, EnumSet.of(Channel.EMAIL, Channel.SMS));
    }

    /** Consented to e-mail and SMS, but only ever gave a phone number. */
    public static CustomerProfile germanCustomerWithEmailAndSmsConsentButNoEmailAddress() {
        return german(null, PHONE, EnumSet.of(Channel.EMAIL, Channel.SMS));
    }

    /** Consented to a call-back, but gave no phone number (the e-mail address does not help a call). */
    public static CustomerProfile germanCustomerWithCallConsentButNoPhone() {
        return german(EMAIL, " ", EnumSet.of(Channel.CALL_QUEUE));
    }

    /** Consented to e-mail and SMS, but complained as a detractor and the case is still open. */
    public static CustomerProfile germanCustomerWithEmailConsentAndAnOpenComplaintCase() {
        return germanCustomerWithEmailAndSmsConsent().withOpenComplaintCases(1);
    }

    /** Known with all addresses, consented to nothing. */
    public static CustomerProfile germanCustomerWithoutConsent() {
        return german(EMAIL, PHONE, EnumSet.noneOf(Channel.class));
    }

    /** Known with all addresses, consented to these channels. */
    public static CustomerProfile germanCustomerConsentingTo(Channel... channels) {
        return german(EMAIL, PHONE, Set.of(channels));
    }

    private static CustomerProfile german(String email, String phone, Set<Channel> consents) {
        return new CustomerProfile("c-1001", "de", "Europe/Berlin", email, phone, consents);
    }
}
