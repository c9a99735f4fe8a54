package io.cxloop.rules;

import io.cxloop.rules.internal.KieBaseCompiler;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.invitation.InvitationRuleSets;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.triage.TriageEngine;
import java.nio.file.Path;

/**
 * Run by the build (the rules module's {@code process-classes} phase): compiles every built-in rule set as the jar
 * composes it and writes the executable-model modules into the class output, so that engines and tests load them
 * instead of compiling the same DRL at every start. A rule set whose DRL differs from what was built here (an
 * upload, a changed rule) is compiled as before.
 */
public final class BuiltInRuleModules {

    private BuiltInRuleModules() {}

    /** @param args the class output folder, e.g. {@code target/classes} */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuiltInRuleModules <class output folder>");
        }
        KieBaseCompiler.recordModulesInto(Path.of(args[0]));
        NextBestActionEngine.builtIn();
        ContactPolicyEngine.builtIn();
        TriageEngine.builtIn();
        InvitationEngine.builtIn(InvitationRuleSets.SURVEY);
        InvitationEngine.builtIn(InvitationRuleSets.REVIEW);
    }
}
