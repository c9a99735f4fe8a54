package io.cxloop.rules.lifecycle.internal;

import io.cxloop.rules.lifecycle.RuleSetRejectedException;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/** Decision tables (XLSX) as analysts write them, turned into DRL so that they are checked and built like DRL. */
public final class SpreadsheetDrl {

    private SpreadsheetDrl() {}

    /**
     * The DRL a decision table stands for.
     *
     * @throws RuleSetRejectedException when the file is no decision table Drools can read
     */
    public static String toDrl(String fileName, byte[] xlsx) {
        try {
            return new SpreadsheetCompiler().compile(new ByteArrayInputStream(xlsx), InputType.XLS);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new RuleSetRejectedException(
                    "Decision table " + fileName, List.of(fileName + ": not a readable decision table: " + reason));
        }
    }
}
