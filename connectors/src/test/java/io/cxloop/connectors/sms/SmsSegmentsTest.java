package io.cxloop.connectors.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.connectors.sms.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void germanTextWithUmlautsFitsGsm7() {
        SmsSegments segments = SmsSegments.of("Hallo Jürgen, Ihr Gutschein: 15 % für Schuhe & Söckchen!");

        assertThat(segments.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(segments.segments()).isEqualTo(1);
    }

    @Test
    void oneHundredSixtyGsmCharactersAreOneSmsAndOneMoreMakesTwoParts() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments(Encoding.GSM_7, 161, 2));
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void theEuroSignCountsTwice() {
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("€".repeat(81)).segments()).isEqualTo(2);
    }

    @Test
    void oneCharacterOutsideGsmMakesTheWholeTextUcs2() {
        assertThat(SmsSegments.of("Danke – bis bald")).isEqualTo(new SmsSegments(Encoding.UCS_2, 16, 1));
        assertThat(SmsSegments.of("ç".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("ł".repeat(71))).isEqualTo(new SmsSegments(Encoding.UCS_2, 71, 2));
        assertThat(SmsSegments.of("😀".repeat(35))).isEqualTo(new SmsSegments(Encoding.UCS_2, 70, 1));
    }

    @Test
    void anEmptyTextCostsNothing() {
        assertThat(SmsSegments.of("").segments()).isZero();
        assertThat(SmsSegments.of(null).segments()).isZero();
    }

    @Test
    void onlyE164NumbersAreAccepted() {
        assertThat(PhoneNumbers.isE164("+4917012345678")).isTrue();
        assertThat(PhoneNumbers.isE164("+14155550100")).isTrue();
        assertThat(PhoneNumbers.isE164("017012345678")).isFalse();
        assertThat(PhoneNumbers.isE164("+49 170 12345678")).isFalse();
        assertThat(PhoneNumbers.isE164("+0491701234567")).isFalse();
        assertThat(PhoneNumbers.isE164("+4917012345678901")).isFalse();
        assertThat(PhoneNumbers.isE164(null)).isFalse();
    }
}
