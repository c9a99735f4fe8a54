package io.cxloop.engine.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/feedback")
@Tag(name = "Feedback", description = "Stores, websites, apps, call centers and social-media tools post ratings")
public class FeedbackController {

    private static final int MAX_ATTEMPTS = 3;

    private final FeedbackService service;

    public FeedbackController(FeedbackService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Post a customer's feedback (SYSTEM)",
            description = "Analysed, triaged and answered by the feedback-closed-loop process. Idempotent by"
                    + " feedbackId: the same feedback again is answered with what was made of it the first time.")
    public FeedbackReceipt post(@Valid @RequestBody FeedbackRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return service.accept(request);
            } catch (DuplicateKeyException | OptimisticLockingException concurrent) {
                // the same feedback arrived twice at the same moment: the second attempt finds the first one's row
                if (attempt == MAX_ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    @GetMapping("/{feedbackId}")
    @Operation(summary = "A feedback with its analysis and triage")
    public Feedback get(@PathVariable String feedbackId) {
        return service.get(feedbackId);
    }
}
