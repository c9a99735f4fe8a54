package io.cxloop.engine.survey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/surveys/invitations")
@Tag(
        name = "Survey invitations",
        description = "After which journey events customers are invited to rate the touchpoint, and how long after")
public class InvitationSettingsController {

    /** A change of the invitation after one event. */
    public record InvitationSettingRequest(Boolean active, String delay) {}

    private final InvitationSettings settings;

    public InvitationSettingsController(InvitationSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The invitation after each event that can be followed by one")
    public List<InvitationSetting> list() {
        return settings.all();
    }

    @PutMapping("/{event}")
    @Operation(summary = "Switch the invitation after an event on or off and set its delay; applies to the next event")
    public InvitationSetting change(
            @PathVariable String event, @RequestBody InvitationSettingRequest request, Principal user) {
        return settings.change(event, request.active(), request.delay(), user.getName());
    }

    @DeleteMapping("/{event}")
    @Operation(summary = "Back to the application's configuration for the event")
    public InvitationSetting reset(@PathVariable String event) {
        return settings.reset(event);
    }
}
