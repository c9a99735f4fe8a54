package io.cxloop.engine.cases;

import io.cxloop.engine.cases.CaseViews.CaseDetails;
import io.cxloop.engine.cases.CaseViews.CaseSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Follow-ups owed to detractors; agents see the cases of their teams")
public class CaseController {

    private final CaseWorkService cases;

    public CaseController(CaseWorkService cases) {
        this.cases = cases;
    }

    @GetMapping
    @Operation(summary = "Cases, most urgent SLA first, each with its feedback's NPS class, sentiment and topics")
    public List<CaseSummary> list(
            Authentication user,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) Boolean breached) {
        return cases.list(user, team, assignee, status, breached);
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "A case with its feedback, analysis, triage decision, messages, follow-ups and history")
    public CaseDetails get(Authentication user, @PathVariable String caseId) {
        return cases.get(user, caseId);
    }

    @PostMapping("/{caseId}/claim")
    @Operation(summary = "Claim the case's contact task (as in Tasklist)")
    public CaseDetails claim(Authentication user, @PathVariable String caseId) {
        return cases.claim(user, caseId);
    }

    @PostMapping("/{caseId}/complete")
    @Operation(summary = "Complete the contact task with outcome and root cause (as in Tasklist)")
    public CaseDetails complete(
            Authentication user, @PathVariable String caseId, @Valid @RequestBody CompleteCaseRequest request) {
        return cases.complete(user, caseId, request);
    }
}
