package io.cxloop.connectors.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cxloop.connectors.ConnectorsTestApplication;
import io.cxloop.connectors.outbox.InMemoryOutboxStore;
import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.connectors.outbox.OutboxMessages;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The SMS connector against a real HTTP peer (WireMock) that fails the way gateways fail. */
@SpringBootTest(
        classes = ConnectorsTestApplication.class,
        properties = {
            "test.outbox.max-attempts=5",
            "cxloop.outbox.poll-interval=50",
            "cxloop.sms.from=SneakerShop",
            "cxloop.sms.bearer-token=gateway-token",
            "cxloop.sms.response-timeout=5s"
        })
class SmsGatewayIT {

    private static final String PATH = "/v1/messages";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @RegisterExtension
    static final WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void gatewayUrl(DynamicPropertyRegistry registry) {
        registry.add("cxloop.sms.gateway-url", () -> gateway.baseUrl() + PATH);
    }

    @Autowired
    InMemoryOutboxStore outbox;

    @Autowired
    CamelContext camel;

    @Test
    void twoUnavailableAnswersThenAcceptedDeliversOnceWithOneIdempotencyKey() {
        String phone = "+4917011110001";
        gateway.stubFor(toPhone(phone)
                .inScenario("503-503-200")
                .whenScenarioStateIs(STARTED)
                .willReturn(serviceUnavailable().withBody("{\"error\":\"try later\"}"))
                .willSetStateTo("second"));
        gateway.stubFor(toPhone(phone)
                .inScenario("503-503-200")
                .whenScenarioStateIs("second")
                .willReturn(serviceUnavailable())
                .willSetStateTo("third"));
        gateway.stubFor(toPhone(phone)
                .inScenario("503-503-200")
                .whenScenarioStateIs("third")
                .willReturn(okJson("{\"id\":\"SM-0001\",\"status\":\"queued\"}"))
                .willSetStateTo("accepted"));

        OutboxMessage sms = outbox.enqueue(OutboxMessages.reconnectOfferSmsTo(phone));

        await().atMost(Duration.ofSeconds(40)).until(() -> outbox.sent().containsKey(sms.id()));
        assertThat(outbox.sent()).containsEntry(sms.id(), "SM-0001");
        assertThat(outbox.attemptErrors(sms.id())).hasSize(2).allSatisfy(error -> assertThat(error)
                .startsWith("SMS gateway answered 503"));
        List<LoggedRequest> requests = requestsTo(phone);
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.getHeader(IDEMPOTENCY_KEY)).containsOnly(sms.id());
        LoggedRequest accepted = requests.get(2);
        assertThat(accepted.getHeader("Authorization")).isEqualTo("Bearer gateway-token");
        assertThat(accepted.getHeader("Content-Type")).startsWith("application/json");
        assertThat(accepted.getBodyAsString())
                .contains("\"to\":\"" + phone + "\"", "\"from\":\"SneakerShop\"", "SNEAKER15", sms.id());
        assertThat(accepted.getAllHeaderKeys()).noneMatch(header -> header.startsWith("Cxloop"));
    }

    @Test
    void aResetConnectionIsRetriedWithTheSameIdempotencyKey() {
        String phone = "+4917011110002";
        gateway.stubFor(toPhone(phone)
                .inScenario("reset")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("back"));
        gateway.stubFor(toPhone(phone)
                .inScenario("reset")
                .whenScenarioStateIs("back")
                .willReturn(okJson("{\"id\":\"SM-0002\"}")));

        OutboxMessage sms = outbox.enqueue(OutboxMessages.reconnectOfferSmsTo(phone));

        await().atMost(Duration.ofSeconds(40)).until(() -> outbox.sent().containsKey(sms.id()));
        assertThat(outbox.sent()).containsEntry(sms.id(), "SM-0002");
        assertThat(outbox.attemptErrors(sms.id())).hasSize(1);
        assertThat(requestsTo(phone))
                .extracting(r -> r.getHeader(IDEMPOTENCY_KEY))
                .containsExactly(sms.id(), sms.id());
    }

    @Test
    void aSlowGatewayTimesOutAndTheRetryGoesThrough() {
        String phone = "+4917011110003";
        gateway.stubFor(toPhone(phone)
                .inScenario("slow")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"id\":\"SM-too-late\"}").withFixedDelay(15000))
                .willSetStateTo("fast"));
        gateway.stubFor(toPhone(phone)
                .inScenario("slow")
                .whenScenarioStateIs("fast")
                .willReturn(okJson("{\"id\":\"SM-0003\"}")));

        OutboxMessage sms = outbox.enqueue(OutboxMessages.reconnectOfferSmsTo(phone));

        await().atMost(Duration.ofSeconds(40)).until(() -> outbox.sent().containsKey(sms.id()));
        assertThat(outbox.sent()).containsEntry(sms.id(), "SM-0003");
        assertThat(outbox.attemptErrors(sms.id())).singleElement().asString().containsIgnoringCase("timed out");
        assertThat(requestsTo(phone))
                .extracting(r -> r.getHeader(IDEMPOTENCY_KEY))
                .containsExactly(sms.id(), sms.id());
    }

    @Test
    void aRequestTheGatewayRejectsIsNotRetried() {
        String phone = "+4917011110004";
        gateway.stubFor(
                toPhone(phone).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"unknown sender\"}")));

        OutboxMessage sms = outbox.enqueue(OutboxMessages.reconnectOfferSmsTo(phone));

        await().atMost(Duration.ofSeconds(40)).until(() -> outbox.failed().containsKey(sms.id()));
        assertThat(outbox.rejected()).contains(sms.id());
        assertThat(outbox.failed().get(sms.id()))
                .startsWith("SMS gateway answered 400")
                .contains("unknown sender");
        assertThat(outbox.attemptErrors(sms.id())).isEmpty();
        assertThat(requestsTo(phone)).hasSize(1);
    }

    @Test
    void aNumberThatIsNotE164NeverReachesTheGateway() {
        OutboxMessage sms = outbox.enqueue(OutboxMessages.reconnectOfferSmsTo("0170 1111 0005"));

        await().atMost(Duration.ofSeconds(40)).until(() -> outbox.failed().containsKey(sms.id()));
        assertThat(outbox.rejected()).contains(sms.id());
        assertThat(gateway.findAll(postRequestedFor(urlPathEqualTo(PATH))
                        .withRequestBody(matchingJsonPath("$.reference", equalTo(sms.id())))))
                .isEmpty();
    }

    @Test
    void theRouteAndTheGatewayEndpointCarryIds() {
        assertThat(camel.getRoute(SmsRoutes.ROUTE_ID)).isNotNull();
        assertThat(camel.getProcessor(SmsRoutes.GATEWAY_ENDPOINT_ID)).isNotNull();
        assertThat(camel.getProcessor(SmsRoutes.SANDBOX_ENDPOINT_ID)).isNull();
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder toPhone(String phone) {
        return post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.to", equalTo(phone)));
    }

    private static List<LoggedRequest> requestsTo(String phone) {
        return gateway.findAll(
                postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }
}
