package io.cxloop.connectors.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.connectors.outbox.OutboxHeaders;
import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.connectors.outbox.PermanentDeliveryException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS connector: {@code direct:sms} takes an {@link OutboxMessage} to an E.164 number and posts it to the HTTP
 * gateway of {@code cxloop.sms.*} with the outbox id as idempotency key — or, without {@code cxloop.sms.gateway-url},
 * writes it as {@code {outboxId}.sms.json} into the sandbox directory. The gateway's message id becomes
 * {@link OutboxHeaders#PROVIDER_MESSAGE_ID}.
 *
 * <p>Failures are thrown to the dispatcher, which retries through the outbox with the same idempotency key: a 5xx, a
 * 408 or 429, a reset connection or a timeout are worth a retry; another 4xx or an invalid number are not ({@link
 * PermanentDeliveryException}).
 */
public class SmsRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:sms";
    public static final String ROUTE_ID = "sms-delivery";
    public static final String GATEWAY_ENDPOINT_ID = "sms-gateway";
    public static final String SANDBOX_ENDPOINT_ID = "sms-sandbox";

    private static final Logger log = LoggerFactory.getLogger(SmsRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmsProperties properties;
    private final Path sandboxDir;

    public SmsRoutes(SmsProperties properties) {
        this.properties = properties;
        this.sandboxDir = properties.sandboxDir().toAbsolutePath().normalize();
    }

    @Override
    public void configure() throws Exception {
        RouteDefinition route = from(ENDPOINT)
                .routeId(ROUTE_ID)
                // the dispatcher decides what a failure means; no logging or redelivery here
                .errorHandler(noErrorHandler())
                .process(this::validate)
                .id("validate-sms");

        URI gateway = properties.gatewayUrl();
        if (gateway != null) {
            log.info("SMS go to gateway {} ({} mapping)", withoutQuery(gateway), properties.mapping());
            route.process(this::buildRequest)
                    .id("build-sms-request")
                    .doTry()
                    .to(gatewayEndpoint(gateway))
                    .id(GATEWAY_ENDPOINT_ID)
                    .doCatch(HttpOperationFailedException.class)
                    .process(SmsRoutes::classifyRejection)
                    .id("classify-sms-rejection")
                    .end()
                    .process(this::readResponse)
                    .id("read-sms-response");
        } else {
            log.info("No cxloop.sms.gateway-url set: text messages are written to {} (sandbox)", sandboxDir);
            route.process(this::toSandboxFile)
                    .id("write-sms-file")
                    .to("file:" + sandboxDir + "?fileExist=Override&tempPrefix=.writing-")
                    .id(SANDBOX_ENDPOINT_ID);
        }
    }

    private void validate(Exchange exchange) throws Exception {
        OutboxMessage message = exchange.getMessage().getMandatoryBody(OutboxMessage.class);
        if (!PhoneNumbers.isE164(message.recipient())) {
            throw new PermanentDeliveryException("not an E.164 phone number: " + message.recipient());
        }
        if (message.textBody() == null || message.textBody().isBlank()) {
            throw new PermanentDeliveryException("empty text message");
        }
        exchange.setProperty(OutboxHeaders.OUTBOX_ID, message.id());
    }

    private void buildRequest(Exchange exchange) throws Exception {
        OutboxMessage message = exchange.getMessage().getMandatoryBody(OutboxMessage.class);
        SmsMapping mapping = properties.mapping();
        // every header left on the exchange would become an HTTP request header
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, mapping.contentType());
        exchange.getMessage().setHeader("Accept", "application/json");
        exchange.getMessage().setHeader(properties.idempotencyHeaderName(), message.id());
        String authorization = authorization();
        if (authorization != null) {
            exchange.getMessage().setHeader("Authorization", authorization);
        }
        exchange.getMessage()
                .setBody(mapping.body(message.recipient(), properties.from(), message.textBody(), message.id()));
    }

    private String authorization() {
        if (properties.bearerToken() != null && !properties.bearerToken().isBlank()) {
            return "Bearer " + properties.bearerToken();
        }
        if (properties.username() != null && !properties.username().isBlank()) {
            String credentials =
                    properties.username() + ":" + (properties.password() == null ? "" : properties.password());
            return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private static void classifyRejection(Exchange exchange) {
        HttpOperationFailedException failure =
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, HttpOperationFailedException.class);
        int status = failure.getStatusCode();
        String error = "SMS gateway answered " + status + " " + failure.getStatusText() + ": "
                + abbreviate(failure.getResponseBody());
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new PermanentDeliveryException(error, failure);
        }
        throw new IllegalStateException(error, failure);
    }

    private void readResponse(Exchange exchange) {
        String outboxId = exchange.getProperty(OutboxHeaders.OUTBOX_ID, String.class);
        String providerId =
                properties.mapping().providerMessageId(exchange.getMessage().getBody(String.class));
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(OutboxHeaders.OUTBOX_ID, outboxId);
        exchange.getMessage().setHeader(OutboxHeaders.PROVIDER_MESSAGE_ID, providerId);
    }

    private void toSandboxFile(Exchange exchange) throws Exception {
        OutboxMessage message = exchange.getMessage().getMandatoryBody(OutboxMessage.class);
        SmsSegments segments = SmsSegments.of(message.textBody());
        Map<String, Object> sms = new LinkedHashMap<>();
        sms.put("to", message.recipient());
        sms.put("from", properties.from());
        sms.put("text", message.textBody());
        sms.put("reference", message.id());
        sms.put("encoding", segments.encoding().name());
        sms.put("segments", segments.segments());
        exchange.getMessage().setHeader(Exchange.FILE_NAME, message.id() + ".sms.json");
        exchange.getMessage().setHeader(OutboxHeaders.PROVIDER_MESSAGE_ID, "sandbox:" + message.id());
        exchange.getMessage().setBody(toJson(sms));
    }

    /** Timeouts are set on the component, so they apply to the connection pool the endpoint builds. */
    private String gatewayEndpoint(URI gateway) {
        HttpComponent http = getContext().getComponent(gateway.getScheme(), HttpComponent.class);
        http.setConnectTimeout(properties.connectTimeout().toMillis());
        http.setConnectionRequestTimeout(properties.connectTimeout().toMillis());
        http.setResponseTimeout(properties.responseTimeout().toMillis());
        http.setSoTimeout(properties.responseTimeout().toMillis());
        // HttpClient retries a 503 or 429 on its own; retries are the outbox's (with backoff and a record of each)
        http.setHttpClientConfigurer(builder -> builder.disableAutomaticRetries());
        String uri = gateway.toString();
        return uri + (gateway.getRawQuery() == null ? "?" : "&") + "throwExceptionOnFailure=true";
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + (uri.getPath() == null ? "" : uri.getPath());
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
