package io.cxloop.rules.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An analyst's mistake in a lexicon file is reported with file and line, not left to chance. */
class LexiconTest {

    private static final String TEST_LEXICONS = "io/cxloop/rules/feedback/internal/";

    @Test
    void theBuiltInLexiconsLoad() {
        Lexicon german = Lexicon.builtIn("de");
        Lexicon english = Lexicon.builtIn("en");

        assertThat(german.sentiment().size()).isGreaterThan(250);
        assertThat(english.sentiment().size()).isGreaterThan(250);
        assertThat(german.topics().size()).isGreaterThan(200);
        assertThat(english.topics().size()).isGreaterThan(200);
    }

    @Test
    void aTermListedTwiceIsRejectedNamingBothLines() {
        assertThatThrownBy(() -> Lexicon.fromFolder(TEST_LEXICONS + "duplicate/", "xx"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sentiment-xx.tsv:4: the term is listed already at sentiment-xx.tsv:2 in 'Gut\t2'");
    }

    @Test
    void aLineWithoutValenceIsRejected() {
        assertThatThrownBy(() -> Lexicon.fromFolder(TEST_LEXICONS + "no-valence/", "xx"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sentiment-xx.tsv:2: column 2 is missing (columns are separated by tabs) in 'prima'");
    }

    @Test
    void anUnknownTopicIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> Lexicon.fromFolder(TEST_LEXICONS + "unknown-topic/", "xx"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("topics-xx.tsv:2: 'SHIPPING' is no Topic; one of [DELIVERY, PRICE, PRODUCT_QUALITY, STAFF,"
                        + " WAITING_TIME, WEBSITE_APP, BILLING, RETURNS] in 'SHIPPING\tversand*'");
    }
}
