package io.cxloop.engine.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.connectors.receipt.HmacSignature;
import io.cxloop.engine.message.MessageStatus;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRepository.ReceiptResult;
import io.cxloop.engine.optout.SuppressionReason;
import io.cxloop.engine.optout.SuppressionRepository;
import io.cxloop.engine.web.InvalidFieldException;
import io.cxloop.engine.web.NotFoundException;
import io.cxloop.rules.model.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Providers report back here: SMS delivery receipts and e-mail bounces. No login: the request body must carry the
 * provider's HMAC-SHA256 signature with the shared secret ({@link ReceiptsProperties}), checked over the exact bytes
 * received. Status only moves forward, so a provider may repeat or reorder its receipts.
 *
 * <pre>
 * POST /api/receipts/sms    {"reference": outboxId, "id": providerMessageId, "status": "delivered", "error": …}
 * POST /api/receipts/email  {"recipient": address, "type": "hard" | "soft" | "complaint", "messageId": "&lt;…&gt;", "detail": …}
 * </pre>
 */
@RestController
@RequestMapping("/api/receipts")
@Tag(name = "Receipts", description = "Delivery receipts and bounces from providers (signed with the shared secret)")
public class ReceiptController {

    private static final Logger log = LoggerFactory.getLogger(ReceiptController.class);
    private static final Pattern OUR_MESSAGE_ID = Pattern.compile("<?([A-Za-z0-9_-][A-Za-z0-9._-]*)@cxloop>?");

    private final OutboxRepository outbox;
    private final SuppressionRepository suppressionList;
    private final ReceiptsProperties properties;
    private final HmacSignature signature;
    private final ObjectMapper json;

    public ReceiptController(
            OutboxRepository outbox,
            SuppressionRepository suppressionList,
            ReceiptsProperties properties,
            ObjectMapper json) {
        this.outbox = outbox;
        this.suppressionList = suppressionList;
        this.properties = properties;
        this.json = json;
        HmacSignature configured = null;
        if (properties.secret() == null || properties.secret().isBlank()) {
            log.warn("cxloop.receipts.secret is not set: delivery receipts and bounces are refused");
        } else {
            configured = new HmacSignature(properties.secret());
        }
        this.signature = configured;
    }

    @PostMapping(value = "/sms", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    @Operation(summary = "An SMS delivery receipt (signed)")
    public ResponseEntity<?> sms(@RequestBody byte[] body, HttpServletRequest request) throws IOException {
        if (!signedByProvider(body, request)) {
            return unsigned(request);
        }
        JsonNode receipt = parse(body);
        MessageStatus reported = smsStatus(text(receipt, "status"));
        String reference = text(receipt, "reference");
        String providerId = text(receipt, "id");
        if (reference == null && providerId == null) {
            throw new InvalidFieldException(
                    "reference", "a receipt needs the outbox id (reference) or the provider's id");
        }
        String messageId = Optional.ofNullable(reference)
                .filter(id -> outbox.find(id).isPresent())
                .or(() -> providerId == null ? Optional.empty() : outbox.findByProviderMessageId(providerId))
                .orElseThrow(() -> new NotFoundException(
                        "no message " + (reference != null ? reference : "with provider id " + providerId)));
        String error = text(receipt, "error");
        ReceiptResult result = outbox.applyReceipt(
                messageId, reported, providerId, error == null ? null : "SMS gateway reported failure: " + error);
        return ResponseEntity.ok(answer(messageId, result));
    }

    @PostMapping(value = "/email", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    @Operation(summary = "An e-mail bounce or complaint (signed): the address gets no more e-mail")
    public ResponseEntity<?> email(@RequestBody byte[] body, HttpServletRequest request) throws IOException {
        if (!signedByProvider(body, request)) {
            return unsigned(request);
        }
        JsonNode bounce = parse(body);
        String recipient = text(bounce, "recipient");
        if (recipient == null || !recipient.contains("@")) {
            throw new InvalidFieldException("recipient", "must be the e-mail address that bounced");
        }
        String type = Optional.ofNullable(text(bounce, "type"))
                .map(t -> t.toLowerCase(Locale.ROOT))
                .orElse("hard");
        if (!type.equals("hard") && !type.equals("soft") && !type.equals("complaint")) {
            throw new InvalidFieldException("type", "must be hard, soft or complaint");
        }
        String detail = text(bounce, "detail");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recipient", recipient);
        answer.put("type", type);
        if (type.equals("soft")) {
            // a full mailbox or a greylisting server: the address is fine, the next message may well arrive
            answer.put("suppressed", false);
            return ResponseEntity.ok(answer);
        }
        suppressionList.add(
                Channel.EMAIL,
                recipient,
                SuppressionReason.BOUNCED,
                null,
                type + (detail == null ? "" : ": " + detail));
        answer.put("suppressed", true);
        String messageId = text(bounce, "messageId");
        if (messageId != null) {
            Matcher ours = OUR_MESSAGE_ID.matcher(messageId.strip());
            if (ours.matches() && outbox.find(ours.group(1)).isPresent()) {
                ReceiptResult result = outbox.applyReceipt(
                        ours.group(1),
                        MessageStatus.FAILED,
                        null,
                        "bounced (" + type + ")" + (detail == null ? "" : ": " + detail));
                answer.putAll(answer(ours.group(1), result));
            }
        }
        log.info("E-mail address {} bounced ({}): no more e-mail to it", recipient, type);
        return ResponseEntity.ok(answer);
    }

    private boolean signedByProvider(byte[] body, HttpServletRequest request) {
        return signature != null && signature.verifies(body, request.getHeader(properties.signatureHeader()));
    }

    private ResponseEntity<?> unsigned(HttpServletRequest request) {
        log.warn("Refused an unsigned or wrongly signed receipt at {}", request.getRequestURI());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED,
                "the body's signature in " + properties.signatureHeader() + " is missing or wrong");
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(new String(body, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new InvalidFieldException("body", "must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidFieldException("body", "is not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank()
                ? null
                : value.asText().strip();
    }

    /** Provider words (Twilio's among them) for where a text message is. */
    private static MessageStatus smsStatus(String status) {
        if (status == null) {
            throw new InvalidFieldException("status", "must be given, e.g. delivered or failed");
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "accepted", "queued", "sending", "sent", "buffered" -> MessageStatus.SENT;
            case "delivered", "delivrd" -> MessageStatus.DELIVERED;
            case "failed", "undelivered", "undeliv", "rejected", "expired" -> MessageStatus.FAILED;
            default ->
                throw new InvalidFieldException(
                        "status", "unknown status '" + status + "' (sent, delivered, failed or undelivered)");
        };
    }

    private Map<String, Object> answer(String messageId, ReceiptResult result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messageId", messageId);
        answer.put("result", result.name());
        answer.put("status", outbox.find(messageId).map(m -> m.status().name()).orElse(null));
        return answer;
    }
}
