package io.cxloop.rules.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the built-in analyzer reads single comments: negation, intensity, contrast, compounds, languages. */
class FeedbackAnalyzerTest {

    private final FeedbackAnalyzer analyzer = FeedbackAnalyzer.builtIn();

    private FeedbackAnalysis german(String comment) {
        return analyzer.analyze(ScoreType.NPS, 5, comment, "de");
    }

    private FeedbackAnalysis english(String comment) {
        return analyzer.analyze(ScoreType.NPS, 5, comment, "en");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void withoutACommentTheAnalysisIsTheScoreAlone(String comment) {
        FeedbackAnalysis analysis = analyzer.analyze(ScoreType.CSAT, 5, comment, "de");

        assertThat(analysis).isEqualTo(new FeedbackAnalysis(NpsClass.PROMOTER, Sentiment.NEUTRAL, 0, Set.of()));
    }

    @Test
    void theNpsClassComesFromTheScoreNotFromTheText() {
        FeedbackAnalysis analysis = analyzer.analyze(ScoreType.NPS, 2, "Alles super, vielen Dank!", "de");

        assertThat(analysis.npsClass()).isEqualTo(NpsClass.DETRACTOR);
        assertThat(analysis.sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void aScoreOutsideTheScaleIsRejected() {
        assertThatThrownBy(() -> analyzer.analyze(ScoreType.NPS, 11, "gut", "de"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 10");
    }

    @ParameterizedTest(name = "de: {0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Die Beratung war gut.                        | POSITIVE",
                "Die Beratung war nicht gut.                  | NEGATIVE",
                "Die Beratung war gar nicht gut.              | NEGATIVE",
                "Das war nicht schlecht.                      | POSITIVE",
                "Kein Problem, alles wurde erledigt.          | POSITIVE",
                "Die neue Version gefällt mir nicht.          | NEGATIVE",
                "Die App funktioniert seit dem Update nicht.  | NEGATIVE",
                "Die App funktioniert einwandfrei.            | POSITIVE",
                "Guten Tag, meine Kundennummer ist 4711.      | NEUTRAL",
                "Gute Ware, aber viel zu teuer.               | NEGATIVE",
                "Etwas teuer, aber hervorragende Qualität.    | POSITIVE",
                "Die Lieferung war puenktlich.                | POSITIVE",
                "Paket ist wieder nicht angekommen. Super...  | NEGATIVE",
                "Super Service, danke!                        | POSITIVE",
                "Beratung gut, obwohl das Produkt teuer ist.  | POSITIVE",
            })
    void germanNegationIntensityAndContrast(String comment, Sentiment expected) {
        assertThat(german(comment).sentiment()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "en: {0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "The advice was good.                       | POSITIVE",
                "The advice was not good.                   | NEGATIVE",
                "The advice wasn't good at all.             | NEGATIVE",
                "Not bad.                                   | POSITIVE",
                "No problem, everything was sorted.         | POSITIVE",
                "The app doesn't work since the update.     | NEGATIVE",
                "Hello, my customer number is 4711.         | NEUTRAL",
                "Good product, but way too expensive.       | NEGATIVE",
                "A bit pricey, but excellent quality.       | POSITIVE",
                "My parcel got lost again. Great…           | NEGATIVE",
                "Good advice, although it is expensive.     | POSITIVE",
            })
    void englishNegationIntensityAndContrast(String comment, Sentiment expected) {
        assertThat(english(comment).sentiment()).isEqualTo(expected);
    }

    @Test
    void intensifiersStrengthenAndNegationWeakensTheScore() {
        double good = german("Der Service war gut.").sentimentScore();
        double veryGood = german("Der Service war sehr gut.").sentimentScore();
        double notBad = german("Der Service war nicht schlecht.").sentimentScore();

        assertThat(veryGood).isGreaterThan(good);
        assertThat(notBad).isPositive().isLessThan(good);
        assertThat(german("Katastrophe! Nie wieder!").sentimentScore()).isLessThan(-0.7);
    }

    @ParameterizedTest(name = "de: {0} is about {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Die Expresslieferung kam zu spät.                    | DELIVERY",
                "Das Paket wurde nicht zugestellt.                    | DELIVERY",
                "Der Versand dauerte ewig.                            | DELIVERY",
                "Die Lieferzeit war zu lang.                          | DELIVERY",
                "Die Servicemitarbeiterin war unhöflich.              | STAFF",
                "Die Wartezeit an der Hotline war zu lang.            | WAITING_TIME",
                "Auf der Rechnung fehlt die Mehrwertsteuer.           | BILLING",
                "Die Abbuchung erfolgte doppelt.                      | BILLING",
                "Die Rücksendung wurde nicht akzeptiert.              | RETURNS",
                "Der Umtausch wurde abgelehnt.                        | RETURNS",
                "Der Kaufpreis war zu hoch.                           | PRICE",
                "Die Verarbeitung ist minderwertig.                   | PRODUCT_QUALITY",
                "Der Warenkorb auf der Webseite leert sich ständig.   | WEBSITE_APP",
            })
    void germanTopicsAreFoundInCompounds(String comment, Topic expected) {
        assertThat(german(comment).topics()).contains(expected);
    }

    @Test
    void oneCompoundMayNameTwoTopics() {
        assertThat(german("Die Versandkosten sind zu hoch.").topics())
                .containsExactlyInAnyOrder(Topic.DELIVERY, Topic.PRICE);
        assertThat(english("Shipping costs are too high.").topics())
                .containsExactlyInAnyOrder(Topic.DELIVERY, Topic.PRICE);
    }

    @Test
    void aLanguageWithARegionUsesItsLexiconAndAnUnknownOneUsesBoth() {
        assertThat(analyzer.analyze(ScoreType.NPS, 3, "Lieferung zu spät", "de-AT")
                        .sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(analyzer.analyze(ScoreType.NPS, 3, "Lieferung zu spät", "fr").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(analyzer.analyze(ScoreType.NPS, 3, "delivery was late", null).topics())
                .containsExactly(Topic.DELIVERY);
        assertThat(analyzer.analyze(ScoreType.NPS, 3, "delivery was late", "de").topics())
                .as("a German reader does not know the English word")
                .isEmpty();
    }
}
