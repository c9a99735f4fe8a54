package io.cxloop.engine.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.optout.UnsubscribeLinks;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.Fixtures;
import io.cxloop.engine.survey.SurveyLinks;
import io.cxloop.engine.survey.SurveyLinks.OpenedSurvey;
import io.cxloop.rules.model.Channel;
import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pages customers open from our messages — the survey and the unsubscribe page — in a real headless Chromium
 * (Debian's {@code chromium} and {@code chromium-driver}; run with {@code -Pbrowser}). What a browser adds over HTTP
 * tests: the form's own validation, the radio buttons and labels a person clicks, the page's language.
 */
@Tag("browser")
class CustomerPagesBrowserIT extends EngineIT {

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    SurveyLinks surveyLinks;

    @Autowired
    UnsubscribeLinks unsubscribeLinks;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    static void startChromium() {
        String chromium = System.getProperty("cxloop.it.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("cxloop.it.chromedriver", "/usr/bin/chromedriver");
        assertThat(new File(chromium))
                .as("Chromium for the browser tests (Debian: apt-get install chromium chromium-driver)")
                .canRead();
        assertThat(new File(chromedriver))
                .as("ChromeDriver (Debian: chromium-driver)")
                .canRead();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1024,900");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerAnswersTheSurveyInGermanOnceAndOnlyOnce() {
        String customerId = newCustomer(Fixtures.germanCustomerWithEmailConsent(mailbox()));
        OpenedSurvey survey = openSurvey(customerId);

        browser.get(local(survey.url()));
        assertThat(browser.getTitle()).isEqualTo("Ihre Meinung zählt");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("de");
        List<WebElement> scale = browser.findElements(By.name("score"));
        assertThat(scale).hasSize(11);

        // sending without a score: the browser itself keeps the form back, nothing is recorded
        String page = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo(page);
        assertThat((Boolean) ((JavascriptExecutor) browser)
                        .executeScript("return document.querySelector('input[name=score]').validity.valueMissing"))
                .isTrue();
        assertThat(feedback(survey).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // the customer clicks the "9" on the scale, writes why and sends
        browser.findElement(By.xpath("//label[span[text()='9']]")).click();
        browser.findElement(By.id("comment")).sendKeys("Der Rückruf kam schnell, das Problem ist gelöst. Danke!");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText("Vielen Dank! Ihre Antwort ist bei uns angekommen.");

        JsonNode answer = feedback(survey).getBody();
        assertThat(answer.path("score").asInt()).isEqualTo(9);
        assertThat(answer.path("comment").asText()).startsWith("Der Rückruf kam schnell");
        assertThat(answer.toString()).contains("PROMOTER");

        // the link again, e.g. from the e-mail a second time: answered already, no form
        browser.get(local(survey.url()));
        waitForText("Diese Umfrage haben Sie bereits beantwortet.");
        assertThat(browser.findElements(By.tagName("form"))).isEmpty();
    }

    @Test
    void anEnglishCustomerSeesTheSurveyInEnglish() {
        String customerId = newCustomer(Fixtures.englishCustomerWithEmailConsent(mailbox()));

        browser.get(local(openSurvey(customerId).url()));

        assertThat(browser.getTitle()).isEqualTo("Your opinion counts");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        assertThat(browser.findElement(By.tagName("legend")).getText())
                .isEqualTo("How likely are you to recommend us to a friend or colleague?");
    }

    @Test
    void theUnsubscribeLinkShowsAButtonThatUnsubscribes() {
        String customerId = newCustomer(Fixtures.germanCustomerWithEmailConsent(mailbox()));
        String link = unsubscribeLinks.forCustomer(customerId, Channel.EMAIL).url();

        browser.get(local(link));
        // opening the link alone changes nothing (mail scanners open links too)
        assertThat(consents(customerId).path("EMAIL").asBoolean()).isTrue();
        browser.findElement(By.cssSelector("form button")).click();
        waitForText("Sie sind abgemeldet.");

        assertThat(consents(customerId).path("EMAIL").asBoolean()).isFalse();
    }

    private OpenedSurvey openSurvey(String customerId) {
        return new TransactionTemplate(transactions)
                .execute(status -> surveyLinks.about(
                        customerId, "DELIVERY", "SERVICE", "EMAIL", "order-4711", java.time.Instant.now()));
    }

    /** The engine here runs on localhost: the same path as in the link the customer got. */
    private String local(String url) {
        return "http://localhost:" + port + URI.create(url).getRawPath();
    }

    private void waitForText(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    private org.springframework.http.ResponseEntity<JsonNode> feedback(OpenedSurvey survey) {
        return admin().getForEntity("/api/feedback/survey-" + survey.surveyId(), JsonNode.class);
    }

    private JsonNode consents(String customerId) {
        return admin().getForEntity("/api/customers/" + customerId, JsonNode.class)
                .getBody()
                .path("consents");
    }

    private String newCustomer(Map<String, Object> customer) {
        String customerId = "web-" + UUID.randomUUID().toString().substring(0, 12);
        assertThat(admin().exchange(
                                "/api/customers/" + customerId,
                                HttpMethod.PUT,
                                new HttpEntity<>(customer),
                                JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    private static String mailbox() {
        return "web-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
