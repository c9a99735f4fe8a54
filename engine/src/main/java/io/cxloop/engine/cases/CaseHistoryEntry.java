package io.cxloop.engine.cases;

import java.time.Instant;

/** One state change of a case, in order. */
public record CaseHistoryEntry(int seq, Instant at, String event, String actor, String detail) {}
