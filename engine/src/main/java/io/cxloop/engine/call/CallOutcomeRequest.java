package io.cxloop.engine.call;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An agent's or the CTI's report about a call-back. */
public record CallOutcomeRequest(@NotNull CallOutcome outcome, @Size(max = 2000) String note) {}
