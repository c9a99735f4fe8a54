package io.cxloop.engine.decision;

import io.cxloop.engine.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Decisions", description = "Next-best-action decisions with the rules that made them")
@Transactional(readOnly = true)
public class DecisionController {

    private final DecisionRepository decisions;

    public DecisionController(DecisionRepository decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/customers/{customerId}/decisions")
    @Operation(summary = "A customer's decisions, newest first, each with its rule-set version and explanations")
    public List<StoredDecision> ofCustomer(@PathVariable String customerId) {
        return decisions.findByCustomer(customerId);
    }

    @GetMapping("/api/decisions/{decisionId}")
    @Operation(summary = "A decision")
    public StoredDecision get(@PathVariable String decisionId) {
        return decisions.find(decisionId).orElseThrow(() -> new NotFoundException("no decision " + decisionId));
    }
}
