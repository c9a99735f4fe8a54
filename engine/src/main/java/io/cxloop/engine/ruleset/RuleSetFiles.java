package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What every rule-set kind reads: its built-in files from the classpath and scenarios from JSON. */
final class RuleSetFiles {

    private RuleSetFiles() {}

    static String classpath(String path) {
        try (InputStream in = RuleSetFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenarios of a rule set; an unreadable JSON is an {@link IllegalArgumentException} with its message. */
    static <S> List<S> scenarios(ObjectMapper json, String scenariosJson, TypeReference<List<S>> type) {
        try {
            List<S> scenarios = json.readValue(scenariosJson, type);
            return scenarios == null ? List.of() : scenarios;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
