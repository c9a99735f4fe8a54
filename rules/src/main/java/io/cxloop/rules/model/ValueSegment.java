package io.cxloop.rules.model;

/** How valuable a customer is to the company; triage reacts faster to the more valuable ones. */
public enum ValueSegment {
    HIGH,
    MEDIUM,
    LOW
}
