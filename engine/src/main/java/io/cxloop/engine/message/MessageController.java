package io.cxloop.engine.message;

import io.cxloop.engine.web.ConflictException;
import io.cxloop.engine.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/messages")
@Tag(name = "Messages", description = "The outbox: every message with its rendered content and delivery status")
@Transactional(readOnly = true)
public class MessageController {

    private final OutboxRepository outbox;

    public MessageController(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    @Operation(summary = "Messages, newest first, optionally of one customer and/or in one status")
    public List<Message> list(
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) MessageStatus status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return outbox.search(customerId, status, limit);
    }

    @GetMapping("/{messageId}")
    @Operation(summary = "A message")
    public Message get(@PathVariable String messageId) {
        return outbox.find(messageId).orElseThrow(() -> new NotFoundException("no message " + messageId));
    }

    @PostMapping("/{messageId}/retry")
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'SYSTEM')")
    @Operation(summary = "Queue a FAILED message again, with a fresh set of attempts (ADMIN or SYSTEM)")
    public Message retry(@PathVariable String messageId) {
        Message message = get(messageId);
        if (message.status() != MessageStatus.FAILED || !outbox.retry(messageId)) {
            throw new ConflictException(
                    "message " + messageId + " is " + message.status() + ", only FAILED can be retried");
        }
        return get(messageId);
    }
}
