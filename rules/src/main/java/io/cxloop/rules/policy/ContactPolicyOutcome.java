package io.cxloop.rules.policy;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.Explanation;
import java.time.Instant;
import java.util.List;

/**
 * What the contact policy alone concluded for a decision's facts.
 *
 * @param allowed the trigger's channels the policy lets through, in the trigger's order
 * @param rejected the channels it rejected, in the trigger's order
 * @param vetoes the rules that forbade any contact now; empty when contact is allowed
 * @param chosen the first allowed channel when there is no veto (the one the check postponed or not); else null
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
