package io.cxloop.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.rules.policy.ContactPolicyCollector;
import io.cxloop.rules.policy.ContactPolicyRuleSet;
import io.cxloop.rules.policy.internal.DroolsContactPolicyEngine;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The built-in rule sets ship compiled, and nothing but exactly their DRL ever meets a prebuilt module. */
class PrebuiltModulesTest {

    private static final Map<String, String> POLICY = DroolsContactPolicyEngine.builtInDrl();

    @Test
    void theBuildShipsTheBuiltInContactPolicyCompiled() {
        String key = PrebuiltModules.key(ContactPolicyRuleSet.NAME, POLICY);

        assertThat(PrebuiltModules.find(ContactPolicyRuleSet.NAME, key)).isNotNull();
    }

    @Test
    void aChangedRuleIsNotTheBuiltInOne() {
        Map<String, String> changed = new HashMap<>(POLICY);
        changed.replaceAll((path, drl) -> drl + "\n// an analyst's comment\n");
        String key = PrebuiltModules.key(ContactPolicyRuleSet.NAME, changed);

        assertThat(key).isNotEqualTo(PrebuiltModules.key(ContactPolicyRuleSet.NAME, POLICY));
        assertThat(PrebuiltModules.find(ContactPolicyRuleSet.NAME, key)).isNull();
    }

    @Test
    void theKeyTellsPathsTextsAndRuleSetsApart() {
        assertThat(PrebuiltModules.key("a", Map.of("x.drl", "rule")))
                .isNotEqualTo(PrebuiltModules.key("b", Map.of("x.drl", "rule")))
                .isNotEqualTo(PrebuiltModules.key("a", Map.of("y.drl", "rule")))
                .isNotEqualTo(PrebuiltModules.key("a", Map.of("x.drl", "rules")))
                .isNotEqualTo(PrebuiltModules.key("a", Map.of("x.d", "rlrule")))
                .isEqualTo(PrebuiltModules.key("a", Map.of("x.drl", "rule")));
    }

    @Test
    void aPrebuiltModuleAndACompiledOneHaveTheSameRules() {
        Map<String, String> commented = new HashMap<>(POLICY);
        commented.replaceAll((path, drl) -> drl + "\n// compiled, not prebuilt\n");

        KieBaseCompiler.Compiled prebuilt = KieBaseCompiler.compileModule(
                "prebuilt",
                ContactPolicyRuleSet.NAME,
                POLICY,
                ContactPolicyCollector.GLOBAL_NAME,
                ContactPolicyCollector.class);
        KieBaseCompiler.Compiled compiled = KieBaseCompiler.compileModule(
                "compiled",
                ContactPolicyRuleSet.NAME,
                commented,
                ContactPolicyCollector.GLOBAL_NAME,
                ContactPolicyCollector.class);

        assertThat(prebuilt.prebuilt()).isTrue();
        assertThat(compiled.prebuilt()).isFalse();
        assertThat(ruleNames(prebuilt)).isNotEmpty().isEqualTo(ruleNames(compiled));
    }

    private static Set<String> ruleNames(KieBaseCompiler.Compiled compiled) {
        Set<String> names = new TreeSet<>();
        compiled.kieBase().getKiePackages().forEach(pkg -> pkg.getRules()
                .forEach(rule -> names.add(pkg.getName() + "." + rule.getName())));
        return names;
    }
}
