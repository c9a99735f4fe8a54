package io.cxloop.connectors.template;

import static io.cxloop.connectors.template.ReconnectOffers.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThymeleafMessageTemplatesTest {

    private final MessageTemplates templates = new ThymeleafMessageTemplates();

    @Test
    void germanOfferAddressesTheCustomerWithSieAndStatesPercentCodeAndExpiry() {
        RenderedMessage message = templates.render(TEMPLATE, Locale.GERMAN, ReconnectOffers.johnsSneakers());

        assertThat(message.subject()).isEqualTo("15 % Rabatt auf Ihren Warenkorb – nur 24 Stunden");
        for (String part : new String[] {message.htmlBody(), message.textBody()}) {
            assertThat(part)
                    .contains("Guten Tag John Doe,")
                    .contains("Wenn Sie innerhalb der nächsten")
                    .contains("15 % Rabatt")
                    .contains("SNEAKER15")
                    .contains("24.11.2026, 18:30 Uhr (Europe/Berlin)")
                    .contains("kostenlos per Expresslieferung");
        }
        assertThat(message.htmlBody()).startsWith("<!DOCTYPE html>").doesNotContain("th:text", "th:if", "xmlns:th");
        assertThat(message.textBody()).doesNotContain("<", "[#", "[/]").startsWith("Guten Tag John Doe,\n");
    }

    @Test
    void englishOfferStatesPercentCodeAndExpiry() {
        RenderedMessage message = templates.render(TEMPLATE, Locale.ENGLISH, ReconnectOffers.johnsSneakers());

        assertThat(message.subject()).isEqualTo("15% off your cart – for 24 hours only");
        for (String part : new String[] {message.htmlBody(), message.textBody()}) {
            assertThat(part)
                    .contains("Hello John Doe,")
                    .contains("15% off")
                    .contains("SNEAKER15")
                    .contains("24.11.2026, 18:30 Uhr (Europe/Berlin)")
                    .contains("express delivery, free of charge");
        }
    }

    @Test
    void freeShippingWithoutDiscountPromisesNoPercentageAndNamesTheCodePlainly() {
        RenderedMessage german = templates.render(TEMPLATE, Locale.GERMAN, ReconnectOffers.johnsFreeShipping());
        RenderedMessage english = templates.render(TEMPLATE, Locale.ENGLISH, ReconnectOffers.johnsFreeShipping());

        assertThat(german.subject()).isEqualTo("Kostenlose Expresslieferung für Ihren Warenkorb – nur 24 Stunden");
        assertThat(english.subject()).isEqualTo("Free express delivery for your cart – for 24 hours only");
        for (String part : new String[] {german.htmlBody(), german.textBody()}) {
            assertThat(part)
                    .contains("liefern wir Ihre Bestellung kostenlos")
                    .contains("CX-SHIP-7KQ2")
                    .contains("Ihr Code")
                    .doesNotContain("Rabatt", "0 %");
        }
        for (String part : new String[] {english.htmlBody(), english.textBody()}) {
            assertThat(part)
                    .contains("we will ship your order by express delivery, free")
                    .contains("CX-SHIP-7KQ2")
                    .contains("Your code")
                    .doesNotContain("discount", "0% off");
        }
    }

    @Test
    void aReminderWithoutIncentiveHasNoCodeAndPromisesNothing() {
        RenderedMessage german = templates.render(TEMPLATE, Locale.GERMAN, ReconnectOffers.johnsCartReminder());
        RenderedMessage english = templates.render(TEMPLATE, Locale.ENGLISH, ReconnectOffers.johnsCartReminder());

        assertThat(german.subject()).isEqualTo("Ihr Warenkorb wartet auf Sie");
        assertThat(english.subject()).isEqualTo("Your cart is waiting for you");
        assertThat(german.htmlBody() + german.textBody())
                .contains("wir haben sie für Sie")
                .doesNotContain("Code", "Rabatt", "Express", "Gültig", "null");
        assertThat(english.htmlBody() + english.textBody())
                .contains("we have kept them for you")
                .doesNotContain("code", "% off", "express", "Valid until", "null");
        assertThat(german.textBody()).contains("aufbewahrt.\n\nViele Grüße");
        assertThat(english.textBody()).contains("for you.\n\nKind regards");
    }

    @Test
    void expressDeliveryIsOnlyPromisedWhenItIsFree() {
        RenderedMessage german =
                templates.render(TEMPLATE, Locale.GERMAN, ReconnectOffers.johnsSneakersWithoutFreeShipping());
        RenderedMessage english =
                templates.render(TEMPLATE, Locale.ENGLISH, ReconnectOffers.johnsSneakersWithoutFreeShipping());

        assertThat(german.htmlBody() + german.textBody()).doesNotContain("Express");
        assertThat(english.htmlBody() + english.textBody()).doesNotContain("express");
        assertThat(german.textBody()).doesNotContain("\n\n\n");
    }

    @Test
    void marketingMailShowsItsUnsubscribeLinkInBothParts() {
        String url = "https://cx.shop.example/u/am9obg.EMAIL.c2lnbmF0dXJl";
        RenderedMessage german =
                templates.render(TEMPLATE, Locale.GERMAN, ReconnectOffers.johnsSneakersWithUnsubscribeLink(url));
        RenderedMessage english =
                templates.render(TEMPLATE, Locale.ENGLISH, ReconnectOffers.johnsSneakersWithUnsubscribeLink(url));

        assertThat(german.htmlBody()).contains("href=\"" + url + "\"").contains("abmelden");
        assertThat(german.textBody()).contains("Hier abmelden: " + url);
        assertThat(english.htmlBody()).contains("href=\"" + url + "\"").contains("Unsubscribe here");
        assertThat(english.textBody()).contains("Unsubscribe here: " + url);
    }

    @Test
    void withoutAnUnsubscribeLinkThereIsNoUnsubscribeFooter() {
        RenderedMessage german = templates.render(TEMPLATE, Locale.GERMAN, ReconnectOffers.johnsSneakers());

        assertThat(german.htmlBody()).doesNotContain("abmelden").doesNotContain("/u/");
        assertThat(german.textBody()).doesNotContain("abmelden").doesNotContain("--");
    }

    @Test
    void namesAreHtmlEscaped() {
        RenderedMessage message = templates.render(
                TEMPLATE, Locale.GERMAN, ReconnectOffers.forCustomerNamed("<script>alert(1)</script>", "O'Neil & Co"));

        assertThat(message.htmlBody())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&amp; Co");
        // the plain-text part is not HTML: it shows the name as typed
        assertThat(message.textBody()).contains("Guten Tag <script>alert(1)</script> O'Neil & Co,");
    }

    @Test
    void aCustomerWithoutNameIsGreetedWithoutOne() {
        RenderedMessage message =
                templates.render(TEMPLATE, Locale.GERMAN, ReconnectOffers.forCustomerNamed(null, null));

        assertThat(message.htmlBody()).contains("Guten Tag,").doesNotContain("null");
        assertThat(message.textBody()).startsWith("Guten Tag,\n").doesNotContain("null");
    }

    @Test
    void otherLanguagesFallBackToEnglish() {
        RenderedMessage french = templates.render(TEMPLATE, Locale.FRENCH, ReconnectOffers.johnsSneakers());
        RenderedMessage germanSwiss =
                templates.render(TEMPLATE, Locale.forLanguageTag("de-CH"), ReconnectOffers.johnsSneakers());

        assertThat(french.subject()).isEqualTo("15% off your cart – for 24 hours only");
        assertThat(germanSwiss.subject()).startsWith("15 % Rabatt");
    }

    @Test
    void unknownTemplatesAreRejected() {
        assertThat(templates.exists(TEMPLATE)).isTrue();
        assertThat(templates.exists("no-such-message")).isFalse();
        assertThat(templates.exists("../templates/reconnect-offer")).isFalse();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> templates.render("no-such-message", Locale.GERMAN, ReconnectOffers.johnsSneakers()))
                .withMessageContaining("no-such-message");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> templates.render("../reconnect-offer", Locale.GERMAN, ReconnectOffers.johnsSneakers()));
    }

    @Test
    void anOperatorsTemplateDirectoryWinsOverTheClasspath(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("reconnect-offer_de.html"),
                """
                <html xmlns:th="http://www.thymeleaf.org"><head><title th:text="|Nur heute: ${percent} % für Sie|">x</title></head>
                <body><p th:text="${offerCode}">code</p></body></html>
                """);
        Files.writeString(dir.resolve("reconnect-offer_de.txt"), "Code: [(${offerCode})]");
        Files.writeString(dir.resolve("win-back_en.html"), "<html><head><title>We miss you</title></head></html>");
        Files.writeString(dir.resolve("win-back_en.txt"), "We miss you");
        MessageTemplates edited = new ThymeleafMessageTemplates(dir, Duration.ofSeconds(1));

        RenderedMessage german = edited.render(TEMPLATE, Locale.GERMAN, ReconnectOffers.johnsSneakers());
        RenderedMessage english = edited.render(TEMPLATE, Locale.ENGLISH, ReconnectOffers.johnsSneakers());

        assertThat(german.subject()).isEqualTo("Nur heute: 15 % für Sie");
        assertThat(german.textBody()).isEqualTo("Code: SNEAKER15");
        assertThat(english.subject()).as("not overridden").isEqualTo("15% off your cart – for 24 hours only");
        assertThat(edited.exists("win-back")).isTrue();
        assertThat(edited.render("win-back", Locale.GERMAN, ReconnectOffers.johnsSneakers())
                        .subject())
                .isEqualTo("We miss you");
    }

    @Test
    void theLanguageOfATemplateIsLookedUpAgainOnceTheCacheTimeIsOver(@TempDir Path dir) throws IOException {
        MessageTemplates uncached = new ThymeleafMessageTemplates(dir, Duration.ZERO);
        assertThat(uncached.render(TEMPLATE, Locale.FRENCH, ReconnectOffers.johnsSneakers())
                        .subject())
                .as("no French template: English")
                .isEqualTo("15% off your cart – for 24 hours only");

        Files.writeString(
                dir.resolve("reconnect-offer_fr.html"),
                "<html><head><title>Votre panier vous attend</title></head></html>");
        Files.writeString(dir.resolve("reconnect-offer_fr.txt"), "Votre panier vous attend");

        RenderedMessage french = uncached.render(TEMPLATE, Locale.FRENCH, ReconnectOffers.johnsSneakers());
        assertThat(french.subject()).isEqualTo("Votre panier vous attend");
        assertThat(french.textBody()).isEqualTo("Votre panier vous attend");
        assertThat(uncached.render(TEMPLATE, Locale.GERMAN, ReconnectOffers.johnsSneakers())
                        .subject())
                .as("each language looked up for itself")
                .startsWith("15 % Rabatt");
    }

    @Test
    void aTemplateRenderedManyTimesInManyLanguagesKeepsItsLanguages() {
        for (int i = 0; i < 3; i++) {
            assertThat(templates
                            .render(TEMPLATE, Locale.GERMAN, ReconnectOffers.johnsSneakers())
                            .subject())
                    .startsWith("15 % Rabatt");
            assertThat(templates
                            .render(TEMPLATE, Locale.forLanguageTag("pt-BR"), ReconnectOffers.johnsSneakers())
                            .subject())
                    .isEqualTo("15% off your cart – for 24 hours only");
            assertThatIllegalArgumentException()
                    .isThrownBy(
                            () -> templates.render("no-such-message", Locale.GERMAN, ReconnectOffers.johnsSneakers()))
                    .as("an unknown template is never remembered");
        }
    }

    @Test
    void anOperatorsTemplateUsesTheSharedFrameAndAnOperatorsFrameChangesEveryMessage(@TempDir Path dir)
            throws IOException {
        Files.writeString(
                dir.resolve("win-back_en.html"),
                """
                <html xmlns:th="http://www.thymeleaf.org"
                      th:replace="~{layout/mail.html :: mail('en', ~{::title}, ~{::main/content()}, ~{})}">
                <head><title>We miss you</title></head>
                <body><main><p th:replace="~{layout/mail.html :: greeting('Hi')}">Hi,</p><p>Come back!</p></main></body>
                </html>
                """);
        Files.writeString(dir.resolve("win-back_en.txt"), "Come back!");
        MessageTemplates edited = new ThymeleafMessageTemplates(dir, Duration.ofSeconds(1));

        RenderedMessage winBack = edited.render("win-back", Locale.ENGLISH, ReconnectOffers.johnsSneakers());

        assertThat(winBack.subject()).isEqualTo("We miss you");
        assertThat(winBack.htmlBody())
                .contains("max-width:600px")
                .contains("<p>Hi John Doe,</p>")
                .contains("<p>Come back!</p>")
                .doesNotContain("<main");

        Files.createDirectories(dir.resolve("layout"));
        Files.writeString(
                dir.resolve("layout/mail.html"),
                """
                <html th:fragment="mail(lang, title, content, footer)" th:lang="${lang}" xmlns:th="http://www.thymeleaf.org">
                <head><title th:replace="${title}">x</title></head>
                <body class="brand" th:insert="${content}"></body>
                </html>
                <p th:fragment="greeting(salutation)" th:text="|${salutation} there,|">x</p>
                <p th:fragment="button(url, label)"><a th:href="${url}" th:text="${label}">x</a></p>
                <p th:fragment="unsubscribe(question, action)"></p>
                """);
        MessageTemplates rebranded = new ThymeleafMessageTemplates(dir, Duration.ofSeconds(1));

        RenderedMessage offer = rebranded.render(TEMPLATE, Locale.ENGLISH, ReconnectOffers.johnsSneakers());
        assertThat(offer.subject()).isEqualTo("15% off your cart – for 24 hours only");
        assertThat(offer.htmlBody())
                .contains("<body class=\"brand\">")
                .contains("Hello there,")
                .contains("SNEAKER15")
                .doesNotContain("max-width:600px");
    }
}
