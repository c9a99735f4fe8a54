package io.cxloop.connectors.template;

import java.util.Locale;
import java.util.Map;

/** Renders message templates (one per message kind and language, German and English). */
public interface MessageTemplates {

    /**
     * Renders the template.
     *
     * @param template the message kind, e.g. {@code reconnect-offer}
     * @param locale {@code de} or {@code en}; falls back to English for other languages
     * @param variables values the template refers to
     * @throws IllegalArgumentException when no template of that name exists
     */
    RenderedMessage render(String template, Locale locale, Map<String, Object> variables);

    /** Whether a template of that name exists (used to validate trigger configurations). */
    boolean exists(String template);
}
