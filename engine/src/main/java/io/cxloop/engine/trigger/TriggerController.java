package io.cxloop.engine.trigger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/triggers")
@Tag(name = "Reconnect triggers", description = "Marketers configure reconnect campaigns without code")
public class TriggerController {

    private final TriggerService service;

    public TriggerController(TriggerService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "All triggers in their current version")
    public List<ReconnectTrigger> list() {
        return service.list();
    }

    @GetMapping("/{key}")
    @Operation(summary = "A trigger in its current version")
    public ReconnectTrigger get(@PathVariable String key) {
        return service.get(key);
    }

    @GetMapping("/{key}/versions")
    @Operation(summary = "Every version of a trigger, oldest first")
    public List<ReconnectTrigger> versions(@PathVariable String key) {
        return service.history(key);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a trigger")
    public ReconnectTrigger create(@Valid @RequestBody TriggerRequest request, Principal user) {
        return service.create(request, user.getName());
    }

    @PutMapping("/{key}")
    @Operation(summary = "Change a trigger: a new version for new events; running campaigns keep theirs")
    public ReconnectTrigger update(
            @PathVariable String key, @Valid @RequestBody TriggerRequest request, Principal user) {
        return service.update(key, request, user.getName());
    }

    @DeleteMapping("/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a trigger: no new campaigns; running ones finish")
    public void delete(@PathVariable String key) {
        service.delete(key);
    }
}
