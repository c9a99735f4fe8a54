package io.cxloop.rules.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built-in decision table as an analyst would download it. */
final class TriageTable {

    static final String RESOURCE = "io/cxloop/rules/triage/triage.xlsx";

    private static final Pattern RULE_NAME = Pattern.compile("(?m)^rule \"(.+)\"");

    private TriageTable() {}

    static byte[] builtInBytes() {
        try (InputStream in = TriageTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ruleNames(String drl) {
        Matcher matcher = RULE_NAME.matcher(drl);
        return matcher.results().map(m -> m.group(1)).toList();
    }
}
