package io.cxloop.rules.triage;

/** How urgently a feedback needs a reaction, from least to most severe. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
