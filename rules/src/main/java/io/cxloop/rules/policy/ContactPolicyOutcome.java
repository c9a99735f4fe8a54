package io.cxloop.rules.policy;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.Explanation;
import java.time.Instant;
import java.util.List;

/**
 * What the contact policy alone concluded for a decision's facts.
 *
 * @param allowed the message's channels the policy lets through, in the message's order
 * @param rejected the channels it rejected (for themselves or because their purpose was vetoed), in that order
 * @param vetoes the rules that forbade messages of a purpose now (or any message); empty when none did
 * @param chosen the first allowed channel (the one the check postponed or not); null when none is allowed
 * @param notBefore when quiet hours end, if they postpone the chosen message; else null
 * @param explanations the policy's rules that fired, in firing order
 */
public record ContactPolicyOutcome(
        List<Channel> allowed,
        List<Channel> rejected,
        List<String> vetoes,
        Channel chosen,
        Instant notBefore,
        List<Explanation> explanations,
        String ruleSetVersion) {

    public ContactPolicyOutcome {
        allowed = List.copyOf(allowed);
        rejected = List.copyOf(rejected);
        vetoes = List.copyOf(vetoes);
        explanations = List.copyOf(explanations);
    }

    public boolean vetoed() {
        return !vetoes.isEmpty();
    }
}
