package io.cxloop.engine.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only endpoint that shows the method-level convention at work: {@code /api/**} lets any authenticated user
 * through, {@code @PreAuthorize} narrows it to a role. Found by component scanning, so it lives in the one context
 * that all engine ITs share.
 */
@RestController
class MethodSecurityProbe {

    static final String PATH = "/api/security-probe/analysts-only";

    @GetMapping(PATH)
    @PreAuthorize("hasRole('ANALYST')")
    String analystsOnly() {
        return "analysts only";
    }
}
