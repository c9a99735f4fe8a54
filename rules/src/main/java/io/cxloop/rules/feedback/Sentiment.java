package io.cxloop.rules.feedback;

/** The tone of a feedback comment. */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE
}
