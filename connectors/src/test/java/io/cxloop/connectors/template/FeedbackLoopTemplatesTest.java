package io.cxloop.connectors.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The messages of the closed feedback loop, in German and English, with what each must say. */
class FeedbackLoopTemplatesTest {

    private final MessageTemplates templates = new ThymeleafMessageTemplates();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            case-apology       | de | Es tut uns leid                                | Guten Tag Lena Schmidt,       | persönlich
            case-apology       | en | We are sorry                                   | Hello Lena Schmidt,           | personally
            feedback-thank-you | de | Danke für Ihre Bewertung                       | Guten Tag Lena Schmidt,       | Ihre Meinung
            feedback-thank-you | en | Thank you for your feedback                    | Hello Lena Schmidt,           | Your opinion
            review-invitation  | de | Schön, dass Sie zufrieden sind – teilen Sie es? | https://shop.example/reviews | Rezension
            review-invitation  | en | Glad you are happy – would you share it?       | https://shop.example/reviews  | review
            follow-up-survey   | de | Ist Ihr Anliegen gelöst?                       | https://cx.example/s/abc.1.x  | weiterempfehlen
            follow-up-survey   | en | Is your problem solved?                        | https://cx.example/s/abc.1.x  | recommend
            case-call-back     | de | Rückruf: DETRACTOR NPS 2 zu DELIVERY           | case-7                        | Lieferung kam zu spät
            case-call-back     | en | Call-back: DETRACTOR NPS 2 about DELIVERY      | case-7                        | Lieferung kam zu spät
            case-escalation    | de | SLA verpasst: Fall case-7 (HIGH, Team customer-care) | customer-42             | 2031-03-31T10:00:00Z
            case-escalation    | en | SLA missed: case case-7 (HIGH, team customer-care)   | customer-42             | 2031-03-31T10:00:00Z
            survey-invitation  | de | Wie zufrieden waren Sie?                       | mit der Lieferung Ihrer Bestellung | https://cx.example/s/abc.1.x
            survey-invitation  | en | How satisfied were you?                        | with the delivery of your order    | https://cx.example/s/abc.1.x
            survey-call-request | de | Umfrage nach dem Anruf: Kundenservice (DELIVERY) | customer-42                 | https://cx.example/s/abc.1.x
            survey-call-request | en | Post-call survey: customer service (DELIVERY)    | customer-42                 | https://cx.example/s/abc.1.x
            """)
    void rendersWithSubjectAndContentInBothParts(
            String template, String language, String subject, String mustSay, String alsoMustSay) {
        RenderedMessage message = templates.render(template, Locale.forLanguageTag(language), lenasCase());

        assertThat(message.subject()).isEqualTo(subject);
        for (String part : new String[] {message.htmlBody(), message.textBody()}) {
            assertThat(part).contains(mustSay).contains(alsoMustSay);
        }
        assertThat(message.htmlBody())
                .contains("lang=\"" + language + "\"")
                .as("in the shared frame of layout/mail.html")
                .contains("max-width:600px")
                .doesNotContain("th:text", "th:if", "th:href", "th:replace", "xmlns:th", "<main");
        assertThat(message.textBody()).doesNotContain("[#", "[/]", "[(");
    }

    private static Map<String, Object> lenasCase() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("firstName", "Lena");
        variables.put("lastName", "Schmidt");
        variables.put("customerId", "customer-42");
        variables.put("scoreType", "NPS");
        variables.put("score", 2);
        variables.put("npsClass", "DETRACTOR");
        variables.put("comment", "Lieferung kam zu spät");
        variables.put("touchpoint", "DELIVERY");
        variables.put("topics", "DELIVERY");
        variables.put("caseId", "case-7");
        variables.put("team", "customer-care");
        variables.put("severity", "HIGH");
        variables.put("slaDueAt", "2031-03-31T10:00:00Z");
        variables.put("reviewUrl", "https://shop.example/reviews");
        variables.put("surveyUrl", "https://cx.example/s/abc.1.x");
        variables.put("eventType", "DELIVERED");
        return variables;
    }
}
