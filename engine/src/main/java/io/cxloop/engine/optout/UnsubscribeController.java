package io.cxloop.engine.optout;

import io.cxloop.engine.customer.Customer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link of marketing e-mail. {@code POST /u/{token}} unsubscribes at once, without login: mail clients
 * post {@code List-Unsubscribe=One-Click} to it (RFC 8058), and the confirmation page's button posts to it as well.
 * {@code GET} only shows that page, because link scanners and previews fetch links without a person behind them.
 * The signed token is the authorisation (see {@link UnsubscribeTokens}).
 */
@RestController
@Tag(name = "Unsubscribe", description = "One-click unsubscribe from marketing e-mail (no login; signed token)")
public class UnsubscribeController {

    private final OptOutService optOuts;

    public UnsubscribeController(OptOutService optOuts) {
        this.optOuts = optOuts;
    }

    @GetMapping(value = "/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Confirmation page with a button that unsubscribes")
    public ResponseEntity<String> confirm(@PathVariable String token) {
        Optional<Customer> customer = optOuts.subjectOf(token);
        if (customer.isEmpty()) {
            return unknownLink();
        }
        boolean german = "de".equals(customer.get().language());
        String action = "/u/" + HtmlUtils.htmlEscape(token);
        String body = german
                ? "<h1>Keine Angebote mehr per E-Mail?</h1><form method=\"post\" action=\"" + action + "\">"
                        + "<button type=\"submit\">Abmelden</button></form>"
                : "<h1>No more offers by e-mail?</h1><form method=\"post\" action=\"" + action + "\">"
                        + "<button type=\"submit\">Unsubscribe</button></form>";
        return page(HttpStatus.OK, german ? "de" : "en", body);
    }

    @PostMapping(value = "/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Unsubscribe (RFC 8058 one-click); repeating it is harmless")
    public ResponseEntity<String> unsubscribe(@PathVariable String token) {
        Optional<Customer> customer = optOuts.unsubscribe(token);
        if (customer.isEmpty()) {
            return unknownLink();
        }
        boolean german = "de".equals(customer.get().language());
        return page(
                HttpStatus.OK,
                german ? "de" : "en",
                german
                        ? "<h1>Sie sind abgemeldet.</h1><p>Sie erhalten von uns keine Angebote mehr per E-Mail.</p>"
                        : "<h1>You are unsubscribed.</h1><p>We will send you no more offers by e-mail.</p>");
    }

    private static ResponseEntity<String> unknownLink() {
        return page(HttpStatus.NOT_FOUND, "en", "<h1>This link is not valid.</h1><p>Dieser Link ist ungültig.</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String language, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex")
                .body("<!DOCTYPE html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
                        + "<title>cxloop</title></head><body>" + body + "</body></html>");
    }
}
