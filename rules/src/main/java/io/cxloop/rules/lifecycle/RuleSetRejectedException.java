package io.cxloop.rules.lifecycle;

import java.util.List;

/**
 * An uploaded rule set was refused before any of its rules ran: it reaches beyond its fact model (e.g. {@code
 * System.exit}, reflection, files), or it cannot be read at all. Carries every finding, so an analyst can fix them in
 * one go.
 */
public class RuleSetRejectedException extends RuntimeException {

    private final List<String> messages;

    public RuleSetRejectedException(String what, List<String> messages) {
        super(what + " was rejected:\n  " + String.join("\n  ", messages));
        this.messages = List.copyOf(messages);
    }

    /** Each finding, with the resource path and line where there is one. */
    public List<String> messages() {
        return messages;
    }
}
