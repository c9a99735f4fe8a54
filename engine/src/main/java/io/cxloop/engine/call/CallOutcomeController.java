package io.cxloop.engine.call;

import io.cxloop.engine.message.Message;
import io.cxloop.engine.message.MessageStatus;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.web.ConflictException;
import io.cxloop.engine.web.NotFoundException;
import io.cxloop.rules.model.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agents (or the CTI) report what came of a call-back: the outcome is recorded on the outbox message, moves its
 * status ({@code REACHED} → {@code DELIVERED}, {@code WRONG_NUMBER} → {@code FAILED}, which lets a waiting campaign
 * fall back to another channel) and is correlated as {@value #MESSAGE_CALL_OUTCOME} to every process waiting for the
 * outcome of this message (matched by its variable {@code messageId}), all in one transaction.
 */
@RestController
@RequestMapping("/api/calls")
@Tag(name = "Calls", description = "Outcomes of call-backs, reported by agents or the CTI")
public class CallOutcomeController {

    /** The BPMN message a process waits on for the outcome of its call-back. */
    public static final String MESSAGE_CALL_OUTCOME = "Message_CallOutcome";

    /** Variables set with {@link #MESSAGE_CALL_OUTCOME}. */
    public static final String VAR_CALL_OUTCOME = "callOutcome";

    public static final String VAR_CALL_NOTE = "callNote";

    private static final Logger log = LoggerFactory.getLogger(CallOutcomeController.class);

    private final OutboxRepository outbox;
    private final RuntimeService runtime;

    public CallOutcomeController(OutboxRepository outbox, RuntimeService runtime) {
        this.outbox = outbox;
        this.runtime = runtime;
    }

    @PostMapping("/{messageId}/outcome")
    @Transactional
    @PreAuthorize("hasAnyRole('AGENT', 'SYSTEM', 'ADMIN')")
    @Operation(summary = "Report the outcome of a call-back (AGENT or SYSTEM); a later report replaces an earlier one")
    public Message report(@PathVariable String messageId, @Valid @RequestBody CallOutcomeRequest request) {
        Message message = outbox.find(messageId).orElseThrow(() -> new NotFoundException("no call-back " + messageId));
        if (message.channel() != Channel.CALL_QUEUE) {
            throw new ConflictException("message " + messageId + " is no call-back but " + message.channel());
        }
        if (message.status() != MessageStatus.SENT
                && message.status() != MessageStatus.DELIVERED
                && message.status() != MessageStatus.FAILED) {
            throw new ConflictException(
                    "call-back " + messageId + " is " + message.status() + ": it has not reached the call center");
        }
        outbox.recordCallOutcome(messageId, request.outcome().name(), request.note());
        switch (request.outcome()) {
            case REACHED -> outbox.applyReceipt(messageId, MessageStatus.DELIVERED, null, null);
            case WRONG_NUMBER ->
                outbox.applyReceipt(
                        messageId,
                        MessageStatus.FAILED,
                        null,
                        "call center: wrong number" + (request.note() == null ? "" : " (" + request.note() + ")"));
            default -> {
                // the call-back stays SENT: the call center may try again
            }
        }
        int correlated = runtime.createMessageCorrelation(MESSAGE_CALL_OUTCOME)
                .processInstanceVariableEquals("messageId", messageId)
                .setVariables(Map.of(
                        VAR_CALL_OUTCOME,
                        request.outcome().name(),
                        VAR_CALL_NOTE,
                        request.note() == null ? "" : request.note()))
                .correlateAllWithResult()
                .size();
        log.info("Call-back {}: {} ({} waiting process(es) told)", messageId, request.outcome(), correlated);
        return outbox.find(messageId).orElseThrow();
    }
}
