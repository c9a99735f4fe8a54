package io.cxloop.engine.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies that read like the business case. */
public final class Fixtures {

    private Fixtures() {}

    /**
     * A time zone where it is early afternoon now. Customers of tests that are not about quiet hours live there: in
     * Berlin, a test run at night would see its marketing postponed to 08:00 by the contact policy's quiet hours.
     */
    public static String daytimeZone() {
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(13 - utcHour + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    /** A time zone where it is one o'clock at night now: in the contact policy's quiet hours (21:00–08:00). */
    public static String nightZone() {
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(1 - utcHour + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    /** Lena Schmidt, German, who agreed to e-mail only (in a {@link #daytimeZone()}). */
    public static Map<String, Object> germanCustomerWithEmailConsent(String email) {
        return customer("Lena", "Schmidt", email, "de", daytimeZone(), Map.of("EMAIL", true, "SMS", false));
    }

    /** John Miller (seed 001), English, who agreed to e-mail only (in a {@link #daytimeZone()}). */
    public static Map<String, Object> englishCustomerWithEmailConsent(String email) {
        return customer("John", "Miller", email, "en", daytimeZone(), Map.of("EMAIL", true, "SMS", false));
    }

    /** A customer who never agreed to be contacted. */
    public static Map<String, Object> customerWithoutConsent(String email) {
        return customer(
                "Jonas",
                "Weber",
                email,
                "de",
                daytimeZone(),
                Map.of("EMAIL", false, "SMS", false, "CALL_QUEUE", false));
    }

    public static Map<String, Object> customer(
            String firstName,
            String lastName,
            String email,
            String language,
            String timezone,
            Map<String, Boolean> consents) {
        Map<String, Object> customer = new HashMap<>();
        customer.put("firstName", firstName);
        customer.put("lastName", lastName);
        customer.put("email", email);
        customer.put("phone", "+4917012345678");
        customer.put("language", language);
        customer.put("timezone", timezone);
        customer.put("consents", consents);
        return customer;
    }

    /** Sneakers for 89.90 EUR left in the cart (seed 001). */
    public static Map<String, Object> cartAbandoned(String customerId) {
        return event(customerId, "CART_ABANDONED");
    }

    public static Map<String, Object> purchaseCompleted(String customerId) {
        return event(customerId, "PURCHASE_COMPLETED");
    }

    public static Map<String, Object> event(String customerId, String type) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", "evt-" + UUID.randomUUID());
        event.put("customerId", customerId);
        event.put("type", type);
        event.put("occurredAt", Instant.now().toString());
        event.put(
                "attributes",
                Map.of(
                        "cartValue",
                        89.90,
                        "currency",
                        "EUR",
                        "items",
                        List.of(Map.of("sku", "SNK-42", "name", "Everyday sneakers", "quantity", 1, "price", 89.90))));
        return event;
    }

    /** The built-in cart-abandoned trigger as a marketer would send it, with another percentage. */
    public static Map<String, Object> cartAbandonedTrigger(String key, int percent) {
        Map<String, Object> trigger = new HashMap<>();
        trigger.put("key", key);
        trigger.put("eventType", "CART_ABANDONED");
        trigger.put("condition", Map.of("minCartValue", 50));
        trigger.put("delay", "PT24H");
        trigger.put("goalEventType", "PURCHASE_COMPLETED");
        trigger.put("offer", Map.of("percent", percent, "validity", "PT24H", "freeExpressShipping", true));
        trigger.put("channels", List.of("EMAIL", "SMS"));
        trigger.put("template", "reconnect-offer");
        trigger.put("reEntry", "P7D");
        trigger.put("active", true);
        return trigger;
    }

    /** A catalogue offer of the kind, valid two days; a discount is 10 %. */
    public static Map<String, Object> offer(String id, String kind, double value) {
        Map<String, Object> offer = new HashMap<>();
        offer.put("offerId", id);
        offer.put("name", "Offer " + id);
        offer.put("kind", kind);
        if ("DISCOUNT".equals(kind)) {
            offer.put("percent", 10);
        }
        offer.put("validity", "P2D");
        offer.put("value", value);
        return offer;
    }

    /**
     * A cart-abandoned trigger that arbitrates between catalogue offers (it has no offer of its own), by e-mail, for
     * carts worth at least {@code minCartValue}: a test's own high minimum keeps other tests' events out.
     */
    public static Map<String, Object> triggerOfOffers(String key, List<String> offers, double minCartValue) {
        Map<String, Object> trigger = new HashMap<>(cartAbandonedTrigger(key, 10));
        trigger.remove("offer");
        trigger.put("offers", offers);
        trigger.put("channels", List.of("EMAIL"));
        trigger.put("condition", Map.of("minCartValue", minCartValue));
        return trigger;
    }
}
