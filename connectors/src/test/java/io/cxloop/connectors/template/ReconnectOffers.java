package io.cxloop.connectors.template;

import java.util.HashMap;
import java.util.Map;

/** Variables of the {@code reconnect-offer} template, as the reconnect journey of seed 001 produces them. */
public final class ReconnectOffers {

    public static final String TEMPLATE = "reconnect-offer";

    private ReconnectOffers() {}

    /** John left sneakers in his cart: 15 % off if he buys within 24 hours, free express delivery. */
    public static Map<String, Object> johnsSneakers() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("firstName", "John");
        variables.put("lastName", "Doe");
        variables.put("percent", 15);
        variables.put("offerCode", "SNEAKER15");
        variables.put("expiresAt", "24.11.2026, 18:30 Uhr (Europe/Berlin)");
        variables.put("validityHours", 24);
        variables.put("freeExpressShipping", true);
        return variables;
    }

    /** The same offer, but shipping is charged as usual. */
    public static Map<String, Object> johnsSneakersWithoutFreeShipping() {
        Map<String, Object> variables = johnsSneakers();
        variables.put("freeExpressShipping", false);
        return variables;
    }

    /** The same offer as marketing e-mail, with the customer's unsubscribe link. */
    public static Map<String, Object> johnsSneakersWithUnsubscribeLink(String url) {
        Map<String, Object> variables = johnsSneakers();
        variables.put("unsubscribeUrl", url);
        return variables;
    }

    /** A customer who typed markup into the name field of the shop. */
    public static Map<String, Object> forCustomerNamed(String firstName, String lastName) {
        Map<String, Object> variables = johnsSneakers();
        variables.put("firstName", firstName);
        variables.put("lastName", lastName);
        return variables;
    }

    /** Free express delivery with a code, no discount (a FREE_SHIPPING offer of the catalogue). */
    public static Map<String, Object> johnsFreeShipping() {
        Map<String, Object> variables = johnsSneakers();
        variables.put("percent", 0);
        variables.put("offerCode", "CX-SHIP-7KQ2");
        return variables;
    }

    /** A reminder of the cart without an incentive and so without a code (e.g. a CONTENT offer). */
    public static Map<String, Object> johnsCartReminder() {
        Map<String, Object> variables = johnsSneakers();
        variables.put("percent", 0);
        variables.put("freeExpressShipping", false);
        variables.remove("offerCode");
        return variables;
    }
}
