package io.cxloop.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.rules.nba.NextBestActionRuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uploaded rules may use their fact model and nothing else. */
class RuleSetSafetyTest {

    private static final String PATH = "io/cxloop/rules/nba/uploaded.drl";

    private static final String HEADER =
            """
            package io.cxloop.rules.nba;
            import io.cxloop.rules.model.Channel;
            import io.cxloop.rules.nba.internal.DecisionCollector;
            global DecisionCollector decision;
            """;

    @Test
    void theBuiltInRuleSetIsSafe() throws IOException {
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("io/cxloop/rules/nba/next-best-action.drl")) {
            String drl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(findings(drl)).isEmpty();
        }
    }

    @Test
    void aRuleThatStopsTheJvmIsRejected() {
        List<String> findings = findings(
                HEADER
                        + """
                rule "Stop everything"
                when
                    ReconnectContext()
                then
                    System.exit( 0 );
                end
                """);

        assertThat(findings)
                .anySatisfy(
                        finding -> assertThat(finding).startsWith(PATH + ":9: ").contains("'System' is not allowed"));
    }

    @Test
    void aRuleThatOpensAFileIsRejectedForItsImportAndItsFullyQualifiedName() {
        List<String> findings = findings(
                """
                package io.cxloop.rules.nba;
                import java.io.FileReader;
                rule "Read the password file"
                when
                    ReconnectContext()
                then
                    new FileReader( "/etc/passwd" ).read();
                    java.nio.file.Files.readString( java.nio.file.Path.of( "/etc/passwd" ) );
                end
                """);

        assertThat(findings)
                .anySatisfy(finding -> assertThat(finding).contains(":2: import java.io.FileReader is not allowed"))
                .anySatisfy(finding -> assertThat(finding)
                        .contains(":8: fully qualified name 'java.nio.file.Files.readString' is not allowed"));
    }

    @Test
    void reflectionIsRejectedInConditionsAndInFunctions() {
        List<String> findings = findings(
                HEADER
                        + """
                function Object sneak(Object o) {
                    return o.getClass().getMethod( "toString" ).invoke( o );
                }
                rule "Reflective condition"
                when
                    $c : ReconnectContext( eval( $c.getClass() != null ) )
                then
                end
                """);

        assertThat(findings)
                .anySatisfy(finding -> assertThat(finding).contains(":6: 'getClass' is not allowed"))
                .anySatisfy(finding -> assertThat(finding).contains(":6: 'invoke' is not allowed"))
                .anySatisfy(finding -> assertThat(finding).contains(":10: 'getClass' is not allowed"));
    }

    @Test
    void threadsProcessesAndClassLoadersAreRejected() {
        List<String> findings = findings(
                HEADER
                        + """
                rule "Spawn"
                when
                    ReconnectContext()
                then
                    new Thread( () -> {} ).start();
                    new ProcessBuilder( "sh" ).start();
                    Runtime.getRuntime();
                    ClassLoader.getSystemClassLoader();
                end
                """);

        assertThat(findings)
                .anySatisfy(finding -> assertThat(finding).contains("'Thread' is not allowed"))
                .anySatisfy(finding -> assertThat(finding).contains("'ProcessBuilder' is not allowed"))
                .anySatisfy(finding -> assertThat(finding).contains("'Runtime' is not allowed"))
                .anySatisfy(finding -> assertThat(finding).contains("'ClassLoader' is not allowed"));
    }

    @Test
    void anotherPackageWildcardImportsAndFunctionImportsAreRejected() {
        List<String> findings = findings(
                """
                package io.cxloop.engine;
                import io.cxloop.rules.model.*;
                import function java.lang.System.exit;
                rule "Elsewhere"
                when
                then
                end
                """);

        assertThat(findings)
                .anySatisfy(finding -> assertThat(finding).contains("the package must be 'io.cxloop.rules.nba'"))
                .anySatisfy(finding -> assertThat(finding).contains("import io.cxloop.rules.model.* is not allowed"))
                .anySatisfy(finding -> assertThat(finding).contains("import function java.lang.System.exit"));
    }

    @Test
    void unicodeEscapesCannotHideForbiddenNames() {
        List<String> findings = findings(
                HEADER
                        + """
                rule "Hidden"
                when
                then
                    \\u0053ystem.exit( 0 );
                end
                """);

        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains("unicode escapes are not allowed"));
    }

    @Test
    void forbiddenWordsInTextAndCommentsAreHarmless() {
        List<String> findings = findings(
                HEADER
                        + """
                // System.exit would be bad here
                rule "Explains the System"
                when
                    ReconnectContext( $offer : offer )
                then
                    decision.explain( drools.getRule().getName(), "the System chose e-mail; java.io is not involved" );
                    decision.chooseReconnectOffer( Channel.EMAIL, $offer );
                end
                """);

        assertThat(findings).isEmpty();
    }

    private static List<String> findings(String drl) {
        return RuleSetSafety.findings(PATH, drl, NextBestActionRuleSet.FACT_MODEL);
    }
}
