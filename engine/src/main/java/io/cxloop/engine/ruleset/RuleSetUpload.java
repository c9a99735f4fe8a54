package io.cxloop.engine.ruleset;

/**
 * An upload: DRL text, or a decision table (XLSX).
 *
 * @param format {@code DRL} or {@code XLSX}
 * @param content the file's bytes (UTF-8 for DRL)
 * @param scenarios scenario tests as JSON; null to keep those of the active version
 */
public record RuleSetUpload(String format, String sourceName, byte[] content, String scenarios, String comment) {}
