package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.ruleset.RuleSetViews.Active;
import io.cxloop.engine.ruleset.RuleSetViews.Summary;
import io.cxloop.engine.ruleset.RuleSetViews.TestReport;
import io.cxloop.engine.ruleset.RuleSetViews.Uploaded;
import io.cxloop.engine.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/rulesets")
@Tag(
        name = "Rule sets",
        description = "Analysts upload, test, activate and roll back versions of the rule sets; no restart needed")
public class RuleSetController {

    private final RuleSetService service;

    public RuleSetController(RuleSetService service) {
        this.service = service;
    }

    /**
     * DRL as JSON.
     *
     * @param scenarios scenario tests (a JSON array); left out: those of the active version
     */
    public record DrlUpload(String drl, JsonNode scenarios, String comment) {}

    @GetMapping
    @Operation(summary = "The rule sets and the version each one decides with now")
    public List<Active> list() {
        return service.names().stream().map(service::active).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "The version that decides now")
    public Active active(@PathVariable String name) {
        return service.active(name);
    }

    @GetMapping("/{name}/versions")
    @Operation(summary = "The built-in version and every uploaded one")
    public List<Summary> versions(@PathVariable String name) {
        return service.versions(name);
    }

    @GetMapping("/{name}/versions/{version}")
    @Operation(summary = "A version with its DRL and scenario tests ('builtin' for the one in the jar)")
    public RuleSetVersion version(@PathVariable String name, @PathVariable String version) {
        return service.version(name, version);
    }

    @PostMapping(path = "/{name}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Upload a new version as DRL: checked (fact model only), compiled and tested before it is stored;"
                    + " not active yet")
    public ResponseEntity<Uploaded> uploadDrl(
            @PathVariable String name, @RequestBody DrlUpload upload, Principal user) {
        if (upload.drl() == null || upload.drl().isBlank()) {
            throw new InvalidFieldException("drl", "must not be empty");
        }
        String scenarios = upload.scenarios() == null || upload.scenarios().isNull()
                ? null
                : upload.scenarios().toString();
        return created(service.upload(
                name,
                new RuleSetUpload(
                        "DRL",
                        "upload.drl",
                        upload.drl().getBytes(StandardCharsets.UTF_8),
                        scenarios,
                        upload.comment()),
                user.getName()));
    }

    @PostMapping(path = "/{name}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a new version as a file: a .drl, or a decision table (.xlsx); optional parts 'scenarios'"
                    + " (JSON) and 'comment'")
    public ResponseEntity<Uploaded> uploadFile(
            @PathVariable String name,
            @RequestPart("file") MultipartFile file,
            @RequestPart(name = "scenarios", required = false) String scenarios,
            @RequestPart(name = "comment", required = false) String comment,
            Principal user) {
        String fileName = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        String lowerCase = fileName.toLowerCase(Locale.ROOT);
        String format = lowerCase.endsWith(".xlsx") ? "XLSX" : lowerCase.endsWith(".drl") ? "DRL" : null;
        if (format == null) {
            throw new InvalidFieldException("file", "must be a .drl or an .xlsx file, not " + fileName);
        }
        try {
            return created(service.upload(
                    name, new RuleSetUpload(format, fileName, file.getBytes(), scenarios, comment), user.getName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/{name}/versions/{version}/test")
    @Operation(summary = "Run scenario tests on a version: those in the body (a JSON array), or its own")
    public TestReport test(
            @PathVariable String name,
            @PathVariable String version,
            @RequestBody(required = false) JsonNode scenarios) {
        return service.test(name, version, scenarios == null || scenarios.isNull() ? null : scenarios.toString());
    }

    @PostMapping("/{name}/versions/{version}/simulate")
    @Operation(
            summary = "Replay the decisions recorded from 'from' to 'to' through a version and report what would change"
                    + " against the active version (actions, channels, offers, counts); nothing is stored or sent")
    public SimulationReport simulate(
            @PathVariable String name,
            @PathVariable String version,
            @RequestParam Instant from,
            @RequestParam Instant to) {
        return service.simulate(name, version, from, to);
    }

    @PostMapping("/{name}/versions/{version}/activate")
    @Operation(summary = "Make a version decide from now on, on every node; decisions in flight finish on the old one")
    public Active activate(@PathVariable String name, @PathVariable String version, Principal user) {
        return service.activate(name, version, user.getName());
    }

    @PostMapping("/{name}/rollback")
    @Operation(summary = "Return to the version that was active before the last activation")
    public Active rollback(@PathVariable String name, Principal user) {
        return service.rollback(name, user.getName());
    }

    @ExceptionHandler(RuleSetRejection.class)
    ResponseEntity<ProblemDetail> rejected(RuleSetRejection rejection) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, rejection.getMessage());
        problem.setTitle("Rule set rejected");
        problem.setProperty("errors", rejection.problems());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    private static ResponseEntity<Uploaded> created(Uploaded uploaded) {
        return ResponseEntity.created(
                        URI.create("/api/rulesets/" + uploaded.ruleSet() + "/versions/" + uploaded.version()))
                .body(uploaded);
    }
}
