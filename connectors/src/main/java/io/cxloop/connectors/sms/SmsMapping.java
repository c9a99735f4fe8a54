package io.cxloop.connectors.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** How an SMS becomes the gateway's request body, and where the gateway's answer names its message id. */
public enum SmsMapping {

    /** {@code {"to": …, "from": …, "text": …, "reference": outboxId}}; the answer's {@code id} is the message id. */
    JSON("application/json; charset=UTF-8", "Idempotency-Key", "id") {
        @Override
        public String body(String to, String from, String text, String reference) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("to", to);
            body.put("from", from);
            body.put("text", text);
            body.put("reference", reference);
            try {
                return JSON_MAPPER.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    },

    /** Twilio's Messages API: a form post {@code To, From, Body}; the answer's {@code sid} is the message id. */
    TWILIO_FORM("application/x-www-form-urlencoded; charset=UTF-8", "I-Twilio-Idempotency-Token", "sid") {
        @Override
        public String body(String to, String from, String text, String reference) {
            return "To=" + encode(to) + "&From=" + encode(from) + "&Body=" + encode(text);
        }
    };

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    private final String contentType;
    private final String defaultIdempotencyHeader;
    private final String idField;

    SmsMapping(String contentType, String defaultIdempotencyHeader, String idField) {
        this.contentType = contentType;
        this.defaultIdempotencyHeader = defaultIdempotencyHeader;
        this.idField = idField;
    }

    public abstract String body(String to, String from, String text, String reference);

    public String contentType() {
        return contentType;
    }

    public String defaultIdempotencyHeader() {
        return defaultIdempotencyHeader;
    }

    /** The gateway's id for the message, or null when its answer names none (the message still counts as sent). */
    public String providerMessageId(String responseBody) {
        if (responseBody == null || responseBody.isBlank()) {
            return null;
        }
        try {
            JsonNode id = JSON_MAPPER.readTree(responseBody).path(idField);
            return id.isValueNode() ? id.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
