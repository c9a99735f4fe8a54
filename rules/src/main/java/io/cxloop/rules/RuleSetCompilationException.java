package io.cxloop.rules;

import java.util.List;

/**
 * A rule set could not be built: its DRL does not compile or does not fit the decision it is meant for. Carries every
 * message of the rule compiler, so an analyst can fix all problems of an upload at once.
 */
public class RuleSetCompilationException extends RuntimeException {

    private final String ruleSetVersion;
    private final List<String> messages;

    public RuleSetCompilationException(String ruleSetVersion, List<String> messages) {
        super("Rule set " + ruleSetVersion + " does not compile:\n  " + String.join("\n  ", messages));
        this.ruleSetVersion = ruleSetVersion;
        this.messages = List.copyOf(messages);
    }

    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    /** The compiler's messages, each with the resource path and line where Drools reports one. */
    public List<String> messages() {
        return messages;
    }
}
