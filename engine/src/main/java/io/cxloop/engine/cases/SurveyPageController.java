package io.cxloop.engine.cases;

import io.cxloop.engine.cases.FollowUpAnswers.Result;
import io.cxloop.engine.cases.FollowUpAnswers.State;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The survey page behind a survey link: {@code GET /s/{token}} shows the NPS question (0–10) and a comment field in the
 * customer's language, {@code POST /s/{token}} (a plain form post) records the answer once. No login: the signed,
 * expiring token is the authorisation (see {@link io.cxloop.engine.survey.SurveyTokens}). A second answer gets 409, an
 * expired link 410, anything else 404.
 */
@RestController
@Tag(name = "Surveys", description = "Survey pages behind the links in survey invitations (no login; signed token)")
public class SurveyPageController {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "de",
            Map.ofEntries(
                    Map.entry("title", "Ihre Meinung zählt"),
                    Map.entry("heading", "Danke, dass Sie uns helfen, besser zu werden"),
                    Map.entry(
                            "question",
                            "Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen?"),
                    Map.entry("low", "0 = überhaupt nicht wahrscheinlich"),
                    Map.entry("high", "10 = äußerst wahrscheinlich"),
                    Map.entry("commentLabel", "Was ist der wichtigste Grund für Ihre Bewertung? (freiwillig)"),
                    Map.entry("submit", "Absenden"),
                    Map.entry("missing", "Bitte wählen Sie einen Wert von 0 bis 10."),
                    Map.entry("recorded", "Vielen Dank! Ihre Antwort ist bei uns angekommen."),
                    Map.entry("answered", "Diese Umfrage haben Sie bereits beantwortet. Vielen Dank!"),
                    Map.entry("expired", "Diese Umfrage ist leider abgelaufen.")),
            "en",
            Map.ofEntries(
                    Map.entry("title", "Your opinion counts"),
                    Map.entry("heading", "Thank you for helping us get better"),
                    Map.entry("question", "How likely are you to recommend us to a friend or colleague?"),
                    Map.entry("low", "0 = not at all likely"),
                    Map.entry("high", "10 = extremely likely"),
                    Map.entry("commentLabel", "What is the main reason for your score? (optional)"),
                    Map.entry("submit", "Send"),
                    Map.entry("missing", "Please choose a score from 0 to 10."),
                    Map.entry("recorded", "Thank you! We have received your answer."),
                    Map.entry("answered", "You have already answered this survey. Thank you!"),
                    Map.entry("expired", "Sorry, this survey has expired.")));

    private final FollowUpAnswers answers;
    private final TemplateEngine pages = new TemplateEngine();

    public SurveyPageController(FollowUpAnswers answers) {
        this.answers = answers;
        ClassLoaderTemplateResolver resolver =
                new ClassLoaderTemplateResolver(getClass().getClassLoader());
        resolver.setPrefix("pages/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        pages.setTemplateResolver(resolver);
    }

    @GetMapping(value = "/s/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The survey page (DE/EN by the customer's language)")
    public ResponseEntity<String> show(@PathVariable String token) {
        Result result = answers.look(token);
        if (result.state() != State.OPEN) {
            return closed(result);
        }
        return page(HttpStatus.OK, language(result), token, null, null, null, null);
    }

    @PostMapping(
            value = "/s/{token}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Answer the survey (form post); each survey is answered once")
    public ResponseEntity<String> answer(
            @PathVariable String token,
            @RequestParam(required = false) String score,
            @RequestParam(required = false) String comment) {
        Integer nps = parse(score);
        String text = comment == null ? null : comment.length() > 5000 ? comment.substring(0, 5000) : comment;
        if (nps == null) {
            Result result = answers.look(token);
            if (result.state() != State.OPEN) {
                return closed(result);
            }
            String language = language(result);
            return page(HttpStatus.BAD_REQUEST, language, token, null, text(language, "missing"), null, text);
        }
        Result result = answers.answer(token, nps, text);
        if (result.state() != State.RECORDED) {
            return closed(result);
        }
        String language = language(result);
        return page(HttpStatus.OK, language, null, text(language, "recorded"), null, null, null);
    }

    private ResponseEntity<String> closed(Result result) {
        String language = result.customer() == null ? "en" : language(result);
        return switch (result.state()) {
            case ALREADY_ANSWERED ->
                page(HttpStatus.CONFLICT, language, null, text(language, "answered"), null, null, null);
            case EXPIRED -> page(HttpStatus.GONE, language, null, text(language, "expired"), null, null, null);
            default ->
                page(
                        HttpStatus.NOT_FOUND,
                        "en",
                        null,
                        "This link is not valid. / Dieser Link ist ungültig.",
                        null,
                        null,
                        null);
        };
    }

    private ResponseEntity<String> page(
            HttpStatus status,
            String language,
            String token,
            String message,
            String error,
            Integer selected,
            String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("lang", language);
        variables.put("text", TEXTS.get(language));
        variables.put("message", message);
        variables.put("error", error);
        variables.put("selected", selected == null ? -1 : selected);
        variables.put("comment", comment);
        variables.put("action", token == null ? null : "/s/" + token);
        String html = pages.process("survey", new Context(Locale.forLanguageTag(language), variables));
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex")
                .body(html);
    }

    private static String language(Result result) {
        return "de".equals(result.customer().language()) ? "de" : "en";
    }

    private static String text(String language, String key) {
        return TEXTS.get(language).get(key);
    }

    private static Integer parse(String score) {
        if (score == null || !score.strip().matches("\\d{1,2}")) {
            return null;
        }
        int value = Integer.parseInt(score.strip());
        return value <= 10 ? value : null;
    }
}
