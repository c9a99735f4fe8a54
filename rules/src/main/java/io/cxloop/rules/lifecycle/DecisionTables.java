package io.cxloop.rules.lifecycle;

import io.cxloop.rules.lifecycle.internal.SpreadsheetDrl;

/** Decision tables (XLSX) as analysts write them, turned into DRL so that they are checked and built like DRL. */
public final class DecisionTables {

    private DecisionTables() {}

    /**
     * The DRL a decision table stands for.
     *
     * @throws RuleSetRejectedException when the file is no decision table Drools can read
     */
    public static String toDrl(String fileName, byte[] xlsx) {
        return SpreadsheetDrl.toDrl(fileName, xlsx);
    }
}
