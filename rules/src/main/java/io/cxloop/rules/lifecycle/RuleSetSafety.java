package io.cxloop.rules.lifecycle;

import io.cxloop.rules.lifecycle.internal.DrlSafetyCheck;
import java.util.List;
import java.util.Map;

/**
 * Checks uploaded DRL before it is compiled or run: it may use its {@link FactModel} and nothing else — no {@code
 * System}, reflection, I/O, network, threads or class loaders, in imports, conditions, consequences and functions
 * alike. See {@link DrlSafetyCheck} for how.
 */
public final class RuleSetSafety {

    private RuleSetSafety() {}

    /**
     * Refuses DRL that reaches beyond its fact model.
     *
     * @param drlByResourcePath the uploaded DRL files by resource path
     * @throws RuleSetRejectedException with every finding, each prefixed by path and line
     */
    public static void check(String ruleSet, Map<String, String> drlByResourcePath, FactModel model) {
        DrlSafetyCheck.check(ruleSet, drlByResourcePath, model);
    }

    /** Every finding for one DRL file; empty when it is safe to compile. */
    public static List<String> findings(String path, String drl, FactModel model) {
        return DrlSafetyCheck.findings(path, drl, model);
    }
}
