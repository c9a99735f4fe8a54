package io.cxloop.engine.event;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/events")
@Tag(name = "Journey events", description = "Other systems report what customers do")
public class JourneyEventController {

    private static final int MAX_ATTEMPTS = 3;

    private final JourneyEventService service;

    public JourneyEventController(JourneyEventService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Report a journey event",
            description = "Idempotent by eventId: the same event twice is accepted once and ignored the second time.")
    public EventReceipt post(@Valid @RequestBody JourneyEventRequest event) {
        for (int attempt = 1; ; attempt++) {
            try {
                return service.accept(event);
            } catch (DuplicateKeyException concurrentDuplicate) {
                // the same event arrived twice at the same moment; the other request handled it
                return EventReceipt.duplicate(event.eventId());
            } catch (OptimisticLockingException concurrentProcessStep) {
                // a campaign moved on (e.g. its timer fired) while the event reached it: the whole event was rolled
                // back and is handled again against the new state
                if (attempt == MAX_ATTEMPTS) {
                    throw concurrentProcessStep;
                }
            }
        }
    }
}
