package io.cxloop.engine.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/cases/{caseId}/complete}: what the agent achieved and why the customer was unhappy.
 *
 * @param outcome e.g. {@code RESOLVED}, {@code COMPENSATED}, {@code EXPLAINED}
 * @param rootCause a root-cause code for the analysts, e.g. {@code LATE_DELIVERY}
 */
public record CompleteCaseRequest(
        @NotBlank
                @Size(max = 64)
                @Pattern(regexp = "[A-Z0-9_]+", message = "must be an upper-case code such as RESOLVED")
                String outcome,
        @NotBlank
                @Size(max = 64)
                @Pattern(regexp = "[A-Z0-9_]+", message = "must be an upper-case code such as LATE_DELIVERY")
                String rootCause) {}
