package io.cxloop.rules.policy;

/**
 * A rule has decided that the customer must not get a message of this purpose now, whatever the channel. The contact
 * policy then rejects every candidate of that purpose (rule "A veto rules out every channel of its purpose").
 *
 * @param rule the name of the rule that vetoed
 * @param purpose the messages it forbids; null: every message
 */
public record ContactVeto(String rule, Purpose purpose) {

    /** Forbids every message. */
    public ContactVeto(String rule) {
        this(rule, null);
    }

    /** Whether it forbids a message of this purpose. */
    public boolean forbids(Purpose purpose) {
        return this.purpose == null || this.purpose == purpose;
    }
}
