package io.cxloop.engine.ruleset;

import io.cxloop.engine.ruleset.ActiveRuleSet.Deployed;
import io.cxloop.engine.ruleset.RuleSetRepository.Activation;
import io.cxloop.engine.ruleset.RuleSetViews.Active;
import io.cxloop.engine.ruleset.RuleSetViews.Summary;
import io.cxloop.engine.ruleset.RuleSetViews.TestReport;
import io.cxloop.engine.ruleset.RuleSetViews.Uploaded;
import io.cxloop.engine.web.ConflictException;
import io.cxloop.engine.web.InvalidFieldException;
import io.cxloop.engine.web.NotFoundException;
import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.lifecycle.RuleSetRejectedException;
import io.cxloop.rules.lifecycle.RuleSetSafety;
import io.cxloop.rules.lifecycle.ScenarioResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * The rule lifecycle for analysts: upload (checked, compiled and tested before it is stored), test, activate, roll
 * back. The active version of each rule set lives in the database; every node swaps it in when it changes, on this node
 * at once, on the others within a poll interval (see {@link RuleSetPoller}). A rule set composed with another (the
 * next-best-action rules with the contact policy, see {@link RuleSetKind#dependsOn()}) is rebuilt and swapped in when
 * the other's active version changes; until then the previous composition keeps deciding.
 */
public class RuleSetService {

    /** The version reference of the version that ships in the jar. */
    public static final String BUILT_IN = "builtin";

    private static final Logger log = LoggerFactory.getLogger(RuleSetService.class);

    private final Map<String, Handle<?>> handles = new LinkedHashMap<>();
    private final RuleSetRepository repository;
    private final Clock clock;
    private final Duration runTimeLimit;

    /**
     * @param runTimeLimit how long an upload's or a test's rules may run (scenario tests, checks) before the upload is
     *     rejected as never ending
     */
    public RuleSetService(List<Managed<?>> ruleSets, RuleSetRepository repository, Clock clock, Duration runTimeLimit) {
        this.repository = repository;
        this.clock = clock;
        this.runTimeLimit = runTimeLimit;
        // the rule sets others are composed with first, so that refreshAll() swaps them in before their dependents
        ruleSets.stream()
                .sorted(Comparator.comparingInt(
                        managed -> managed.kind().dependsOn().size()))
                .forEach(managed -> handles.put(managed.kind().name(), new Handle<>(managed)));
        refreshAll();
    }

    /** A kind of rule set with the slot its active version lives in. */
    public record Managed<E>(RuleSetKind<E> kind, ActiveRuleSet<E> active) {

        /** A rule set whose built-in version is active until the database says otherwise. */
        public static <E> Managed<E> startingBuiltIn(RuleSetKind<E> kind) {
            E builtIn = kind.builtIn();
            return new Managed<>(kind, new ActiveRuleSet<>(new Deployed<>(builtIn, kind.labelOf(builtIn), null, null)));
        }
    }

    public List<String> names() {
        return List.copyOf(handles.keySet());
    }

    public Active active(String ruleSet) {
        return handle(ruleSet).activeView();
    }

    public List<Summary> versions(String ruleSet) {
        return handle(ruleSet).summaries();
    }

    /** The stored version, or the built-in one (version 0 in the answer's terms: {@code version} null). */
    public RuleSetVersion version(String ruleSet, String versionRef) {
        return handle(ruleSet).version(parse(versionRef));
    }

    public Uploaded upload(String ruleSet, RuleSetUpload upload, String user) {
        return handle(ruleSet).upload(upload, user);
    }

    /** Runs scenario tests on a version: the given ones, or those stored with it. */
    public TestReport test(String ruleSet, String versionRef, String scenarios) {
        return handle(ruleSet).test(parse(versionRef), scenarios);
    }

    /** What a version would change against the active one, replayed on the decisions recorded in {@code [from, to)}. */
    public SimulationReport simulate(String ruleSet, String versionRef, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new InvalidFieldException("from", "must be before 'to'");
        }
        return handle(ruleSet).simulate(parse(versionRef), from, to);
    }

    public Active activate(String ruleSet, String versionRef, String user) {
        return handle(ruleSet).activate(parse(versionRef), user);
    }

    public Active rollback(String ruleSet, String user) {
        return handle(ruleSet).rollback(user);
    }

    /** Swaps in what the database says is active, where another node changed it. Cheap when nothing changed. */
    public void refreshAll() {
        handles.values().forEach(Handle::refresh);
    }

    /** Rebuilds the active engines composed with {@code ruleSet}, after its active version changed. */
    private void refreshDependentsOf(String ruleSet) {
        handles.values().stream()
                .filter(handle -> handle.kind.dependsOn().contains(ruleSet))
                .forEach(Handle::refresh);
    }

    private Handle<?> handle(String ruleSet) {
        Handle<?> handle = handles.get(ruleSet);
        if (handle == null) {
            throw new NotFoundException("no rule set " + ruleSet + "; there are " + handles.keySet());
        }
        return handle;
    }

    /** null = built-in. */
    private static Integer parse(String versionRef) {
        if (BUILT_IN.equals(versionRef)) {
            return null;
        }
        try {
            int version = Integer.parseInt(versionRef);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException("version", "must be a version number or '" + BUILT_IN + "'");
    }

    /** One rule set: its kind, active slot and the engines compiled lately. Activation is serialised per rule set. */
    private final class Handle<E> {

        private static final int COMPILED_KEPT = 4;

        private final RuleSetKind<E> kind;
        private final ActiveRuleSet<E> active;
        private final Map<Integer, E> compiled = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, E> eldest) {
                return size() > COMPILED_KEPT;
            }
        };

        Handle(Managed<E> managed) {
            this.kind = managed.kind();
            this.active = managed.active();
        }

        Active activeView() {
            Deployed<E> deployed = active.current();
            Optional<Activation> activation = repository.current(kind.name());
            return new Active(
                    kind.name(),
                    deployed.version(),
                    deployed.label(),
                    activation.map(Activation::activatedAt).orElse(null),
                    activation.map(Activation::activatedBy).orElse(null));
        }

        List<Summary> summaries() {
            Integer activeVersion = active.current().version();
            List<Summary> summaries = new ArrayList<>();
            summaries.add(new Summary(
                    null,
                    kind.labelOf(kind.builtIn()),
                    "DRL",
                    "built in",
                    "ships with cxloop",
                    null,
                    null,
                    activeVersion == null));
            for (RuleSetVersion version : repository.versions(kind.name())) {
                summaries.add(new Summary(
                        version.version(),
                        version.label(),
                        version.format(),
                        version.sourceName(),
                        version.comment(),
                        version.createdAt(),
                        version.createdBy(),
                        Objects.equals(activeVersion, version.version())));
            }
            return summaries;
        }

        RuleSetVersion version(Integer version) {
            if (version == null) {
                return new RuleSetVersion(
                        kind.name(),
                        0,
                        kind.labelOf(kind.builtIn()),
                        "DRL",
                        "built in",
                        kind.builtInDrl(),
                        null,
                        kind.builtInScenarios(),
                        "ships with cxloop",
                        null,
                        null);
            }
            return repository
                    .find(kind.name(), version)
                    .orElseThrow(() -> new NotFoundException("rule set " + kind.name() + " has no version " + version));
        }

        Uploaded upload(RuleSetUpload upload, String user) {
            String drl =
                    switch (upload.format()) {
                        case "DRL" -> new String(upload.content(), StandardCharsets.UTF_8);
                        case "XLSX" ->
                            rejectedIfUnsafe(
                                    "file", () -> kind.decisionTableToDrl(upload.sourceName(), upload.content()));
                        default -> throw new InvalidFieldException("file", "must be a .drl or an .xlsx file");
                    };
            if (drl.isBlank()) {
                throw new InvalidFieldException("drl", "must not be empty");
            }
            String scenarios = upload.scenarios() != null
                    ? upload.scenarios()
                    : version(active.current().version()).scenarios();
            try {
                kind.parseScenarios(scenarios);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("scenarios", "cannot be read: " + e.getMessage());
            }
            int version = repository.nextVersion(kind.name());
            String label = kind.name() + "@v" + version;
            String path = pathOf(version);
            String field = "XLSX".equals(upload.format()) ? "file" : "drl";

            rejectedIfUnsafe(field, () -> {
                RuleSetSafety.check(label, Map.of(path, drl), kind.factModel());
                return null;
            });
            E engine;
            try {
                engine = kind.compile(label, path, drl);
                kind.checkComposition(engine);
                E compiled = engine;
                withinTimeLimit(label, field, "Checking rule set " + label, () -> {
                    kind.verify(compiled);
                    return null;
                });
            } catch (RuleSetCompilationException e) {
                throw RuleSetRejection.of("Rule set " + label + " does not compile", field, e.messages());
            }
            E tested = engine;
            List<ScenarioResult> results = withinTimeLimit(
                    label, field, "The scenario tests of " + label, () -> kind.runScenarios(tested, scenarios));
            List<String> failures = results.stream()
                    .filter(result -> !result.passed())
                    .flatMap(result -> result.failures().stream().map(failure -> result.scenario() + ": " + failure))
                    .toList();
            if (!failures.isEmpty()) {
                throw RuleSetRejection.of("Rule set " + label + " fails its scenario tests", "scenarios", failures);
            }
            String sourceBase64 =
                    "XLSX".equals(upload.format()) ? Base64.getEncoder().encodeToString(upload.content()) : null;
            try {
                repository.insert(new RuleSetVersion(
                        kind.name(),
                        version,
                        label,
                        upload.format(),
                        upload.sourceName(),
                        drl,
                        sourceBase64,
                        scenarios,
                        upload.comment(),
                        clock.instant(),
                        user));
            } catch (DuplicateKeyException e) {
                throw new ConflictException("another upload took version " + version + " of " + kind.name()
                        + " at the same time; please upload again");
            }
            synchronized (this) {
                compiled.put(version, engine);
            }
            log.info("Rule set {} uploaded by {}: {} scenarios passed", label, user, results.size());
            return new Uploaded(kind.name(), version, label, results);
        }

        TestReport test(Integer version, String scenarios) {
            RuleSetVersion stored = version(version);
            String toRun = scenarios != null ? scenarios : stored.scenarios();
            try {
                kind.parseScenarios(toRun);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("scenarios", "cannot be read: " + e.getMessage());
            }
            E engine = engineOf(version);
            return TestReport.of(
                    kind.name(),
                    stored.label(),
                    withinTimeLimit(
                            stored.label(),
                            "scenarios",
                            "The scenario tests of " + stored.label(),
                            () -> kind.runScenarios(engine, toRun)));
        }

        SimulationReport simulate(Integer version, Instant from, Instant to) {
            return kind.simulate(engineOf(version), active.engine(), from, to);
        }

        synchronized Active activate(Integer version, String user) {
            E engine = engineOf(version); // compiled (or cached) before it is recorded as active
            repository.activate(kind.name(), version, clock.instant(), user);
            log.info("Rule set {} activated by {}", kind.labelOf(engine), user);
            // what the database now says is active: ours, or another node's that came a moment later
            refresh();
            return activeView();
        }

        synchronized Active rollback(String user) {
            Activation current = repository
                    .current(kind.name())
                    .orElseThrow(() -> new ConflictException(
                            "the built-in version of " + kind.name() + " is active; there is nothing to roll back"));
            if (!repository.rollBack(current.activationId(), clock.instant(), user)) {
                throw new ConflictException("another rollback of " + kind.name() + " came first; check the active "
                        + "version before rolling back again");
            }
            refresh();
            log.info(
                    "Rule set {} rolled back by {} to {}",
                    kind.name(),
                    user,
                    active.current().label());
            return activeView();
        }

        synchronized void refresh() {
            Optional<Activation> stored = repository.current(kind.name());
            Long activationId = stored.map(Activation::activationId).orElse(null);
            if (Objects.equals(activationId, active.current().activationId()) && kind.isCurrent(active.engine())) {
                return;
            }
            Integer version = stored.map(Activation::version).orElse(null);
            try {
                E engine = engineOf(version);
                active.swap(new Deployed<>(engine, kind.labelOf(engine), version, activationId));
                log.info("Rule set {} is active now", kind.labelOf(engine));
                refreshDependentsOf(kind.name());
            } catch (RuntimeException e) {
                log.error(
                        "Rule set {} version {} is active in the database but cannot be built here; {} stays active",
                        kind.name(),
                        version,
                        active.current().label(),
                        e);
            }
        }

        private E engineOf(Integer version) {
            if (version == null) {
                return kind.builtIn();
            }
            synchronized (this) {
                E cached = compiled.get(version);
                if (cached != null && kind.isCurrent(cached)) {
                    return cached;
                }
            }
            RuleSetVersion stored = version(version);
            String path = pathOf(version);
            // checked again: the database is not where code may come from either
            RuleSetSafety.check(stored.label(), Map.of(path, stored.drl()), kind.factModel());
            E engine = kind.compile(stored.label(), path, stored.drl());
            synchronized (this) {
                compiled.put(version, engine);
            }
            return engine;
        }

        /** Where a version's DRL goes in the KieModule: the folder matches the DRL package. */
        private String pathOf(int version) {
            return kind.factModel().drlPackage().replace('.', '/') + "/" + kind.name() + "-v" + version + ".drl";
        }

        /** Runs rules of an upload or a test on a thread of its own; a run past the time limit is rejected. */
        private <T> T withinTimeLimit(String label, String field, String what, Supplier<T> run) {
            try {
                return TimeLimit.run(what, runTimeLimit, run);
            } catch (TimeLimit.Exceeded e) {
                log.warn("Rule set {} rejected: {}", label, e.getMessage());
                throw RuleSetRejection.of("Rule set " + label + " never finishes", field, List.of(e.getMessage()));
            }
        }

        private <T> T rejectedIfUnsafe(String field, Supplier<T> step) {
            try {
                return step.get();
            } catch (RuleSetRejectedException e) {
                throw RuleSetRejection.of(e.getMessage().lines().findFirst().orElse(""), field, e.messages());
            }
        }
    }
}
