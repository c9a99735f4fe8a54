package io.cxloop.rules.triage;

import static io.cxloop.rules.feedback.Topic.WAITING_TIME;
import static io.cxloop.rules.model.Touchpoint.CALL_CENTER;
import static io.cxloop.rules.model.ValueSegment.HIGH;
import static io.cxloop.rules.model.ValueSegment.LOW;
import static io.cxloop.rules.triage.TriageFixture.detractor;
import static io.cxloop.rules.triage.TriageFixture.passive;
import static io.cxloop.rules.triage.TriageRulesTest.ANY_DETRACTOR;
import static io.cxloop.rules.triage.TriageRulesTest.HIGH_VALUE;
import static io.cxloop.rules.triage.TriageRulesTest.MEDIUM_VALUE;
import static io.cxloop.rules.triage.TriageRulesTest.PASSIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import io.cxloop.rules.RuleSetCompilationException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Test;

/** Analysts edit triage.xlsx and upload it: what they may change, and what a table must never do. */
class TriageEngineFromXlsxTest {

    static final String WAITING_AT_CALL_CENTER =
            "Low-value detractor who waited at the call center: the call-center lead calls back within 8 hours";

    @Test
    void anAnalystsEditedTableDecidesWithItsNewRowsAndVersion() {
        byte[] xlsx = TriageTable.edited(sheet -> {
            TriageTable.set(TriageTable.row(sheet, HIGH_VALUE), TriageTable.SLA_HOURS, 2);
            TriageTable.insertAbove(
                    sheet,
                    TriageTable.row(sheet, MEDIUM_VALUE),
                    WAITING_AT_CALL_CENTER,
                    "DETRACTOR",
                    "WAITING_TIME",
                    "LOW",
                    "CALL_CENTER",
                    "HIGH",
                    "call-center-lead",
                    "8",
                    "CALL_BACK");
        });

        TriageEngine engine = TriageEngine.fromXlsx("triage@upload-2", xlsx);

        assertThat(engine.ruleSetVersion()).isEqualTo("triage@upload-2");
        TriageDecision highValue = engine.triage(detractor().valued(HIGH).request());
        assertThat(highValue.slaHours()).isEqualTo(2);
        assertThat(highValue.ruleSetVersion()).isEqualTo("triage@upload-2");
        TriageDecision waited = engine.triage(
                detractor().valued(LOW).about(WAITING_TIME).at(CALL_CENTER).request());
        assertThat(waited.firedRules()).containsExactly(WAITING_AT_CALL_CENTER, ANY_DETRACTOR);
        assertThat(waited.team()).isEqualTo("call-center-lead");
        assertThat(waited.slaHours()).isEqualTo(8);
        assertThat(TriageEngine.builtIn()
                        .triage(detractor().valued(HIGH).request())
                        .slaHours())
                .as("the built-in table is unchanged")
                .isEqualTo(4);
    }

    @Test
    void wrongValuesAreAllReportedWithTheirCellsBeforeAnythingCompiles() {
        byte[] xlsx = TriageTable.edited(sheet -> {
            Row row = TriageTable.row(sheet, HIGH_VALUE);
            TriageTable.set(row, TriageTable.NPS_CLASS, "DETRACTORS");
            TriageTable.set(row, TriageTable.SEVERITY, "URGENT");
            TriageTable.set(row, TriageTable.TEAM, "Customer Care");
            TriageTable.set(row, TriageTable.SLA_HOURS, "4h");
            TriageTable.set(TriageTable.row(sheet, PASSIVE), TriageTable.POLICY, ANY_DETRACTOR);
        });

        assertThatThrownBy(() -> TriageEngine.fromXlsx("triage@upload-3", xlsx))
                .isInstanceOf(RuleSetCompilationException.class)
                .extracting(e -> ((RuleSetCompilationException) e).messages(), list(String.class))
                .containsExactly(
                        "Triage!C13: NPS class must be one of [DETRACTOR, PASSIVE, PROMOTER]; was 'DETRACTORS'",
                        "Triage!G13: Severity must be one of [LOW, MEDIUM, HIGH, CRITICAL]; was 'URGENT'",
                        "Triage!H13: Team must be a team name in lower case letters, digits and dashes, e.g."
                                + " customer-care; was 'Customer Care'",
                        "Triage!I13: SLA hours must be a whole number from 0 to 8760; was '4h'",
                        "Triage!B24: the name '" + ANY_DETRACTOR + "' is used twice");
    }

    @Test
    void aTableThatChangesTheCodeRowsIsRejected() {
        byte[] xlsx = TriageTable.edited(sheet ->
                TriageTable.set(TriageTable.codeRow(sheet), TriageTable.SEVERITY, "java.lang.System.exit(0);"));

        assertThatThrownBy(() -> TriageEngine.fromXlsx("triage@upload-4", xlsx))
                .isInstanceOf(RuleSetCompilationException.class)
                .extracting(e -> ((RuleSetCompilationException) e).messages(), list(String.class))
                .singleElement()
                .asString()
                .startsWith("Triage!G10: the rule table's code rows must stay as shipped; expected"
                        + " 'decision.row(drools.getRule().getName()).severity(Severity.$param);'");
    }

    @Test
    void aValueCannotSmuggleCodeIntoARule() {
        byte[] xlsx = TriageTable.edited(sheet -> TriageTable.set(
                TriageTable.row(sheet, HIGH_VALUE), TriageTable.TEAM, "x\"); java.lang.System.exit(0); (\""));

        assertThatThrownBy(() -> TriageEngine.fromXlsx("triage@upload-5", xlsx))
                .isInstanceOf(RuleSetCompilationException.class)
                .hasMessageContaining("Triage!H13: Team must be a team name");
    }

    @Test
    void aTableThatLeavesPassivesUndecidedIsRejected() {
        byte[] xlsx = TriageTable.edited(sheet -> {
            Row passive = TriageTable.row(sheet, PASSIVE);
            TriageTable.set(passive, TriageTable.NPS_CLASS, "PROMOTER");
            TriageTable.set(passive, TriageTable.POLICY, "Promoters also get a thank-you");
        });

        assertThatThrownBy(() -> TriageEngine.fromXlsx("triage@upload-6", xlsx))
                .isInstanceOf(RuleSetCompilationException.class)
                .hasMessageContaining("No row of triage rule set triage@upload-6 matched");
        assertThat(TriageEngine.builtIn().triage(passive().request()).decidingRule())
                .isEqualTo(PASSIVE);
    }

    @Test
    void somethingThatIsNotAWorkbookIsRejected() {
        assertThatThrownBy(() -> TriageEngine.fromXlsx(
                        "triage@upload-7", "rule \"x\" when then end".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuleSetCompilationException.class)
                .hasMessageContaining("Not a readable XLSX workbook");
    }

    @Test
    void theTableReadsAsDrlWithOneRulePerRowInTableOrder() {
        String drl = TriageEngine.toDrl(TriageTable.builtInBytes());

        assertThat(drl)
                .contains(
                        "package io.cxloop.rules.triage;",
                        "global io.cxloop.rules.triage.internal" + ".TriageCollector decision;");
        assertThat(TriageTable.ruleNames(drl)).hasSize(13).startsWith(TriageRulesTest.HIGH_VALUE_BILLING);
    }

    @Test
    void aDrlRuleSetMustDeclareTheDecisionGlobal() {
        String drl = "package io.cxloop.rules.triage;\nimport io.cxloop.rules.triage.TriageRequest;\n"
                + "rule \"Everything\" when TriageRequest() then end\n";

        assertThatThrownBy(() -> TriageEngine.fromDrl("triage@drl-1", Map.of("io/cxloop/rules/triage/x.drl", drl)))
                .isInstanceOf(RuleSetCompilationException.class)
                .hasMessageContaining("global io.cxloop.rules.triage.internal.TriageCollector decision;");
    }
}
