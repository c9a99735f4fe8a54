package io.cxloop.rules.internal;

import io.cxloop.rules.RuleSetCompilationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Compiles DRL texts to an executable-model KieBase, the way every rule set of cxloop is built. */
public final class KieBaseCompiler {

    private static final Logger log = LoggerFactory.getLogger(KieBaseCompiler.class);

    private static final String SOURCE_FOLDER = "src/main/resources/";

    private KieBaseCompiler() {}

    /**
     * For the build only: every rule set compiled in this JVM from now on is also written into {@code classOutput} as
     * a prebuilt module, which later compilations of exactly the same DRL load instead (see {@link PrebuiltModules}).
     */
    public static void recordModulesInto(Path classOutput) {
        PrebuiltModules.recordInto(classOutput);
    }

    /**
     * Compiles the DRL texts and checks that they declare the global the engine reports through.
     *
     * @param artifactId names the in-memory KieModule, e.g. {@code "triage"}
     * @param drlByResourcePath DRL text by resource path; every path must end with {@code .drl}
     * @param globalName the global the rule set must declare ...
     * @param globalType ... with this type
     * @throws RuleSetCompilationException with every compiler message
     */
    public static KieBase compile(
            String ruleSetVersion,
            String artifactId,
            Map<String, String> drlByResourcePath,
            String globalName,
            Class<?> globalType) {
        return compileModule(ruleSetVersion, artifactId, drlByResourcePath, globalName, globalType)
                .kieBase();
    }

    /**
     * A compiled rule set: its KieBase, and more KieBases of the same compiled rules on demand (each with a network
     * and node memories of its own, e.g. to remove rules from), without compiling the DRL again; {@code prebuilt} when
     * the module was compiled by the build (see {@link PrebuiltModules}).
     */
    public record Compiled(KieBase kieBase, Supplier<KieBase> newKieBase, boolean prebuilt) {}

    /** Like {@link #compile}, keeping the compiled module for further KieBases of the same rules. */
    public static Compiled compileModule(
            String ruleSetVersion,
            String artifactId,
            Map<String, String> drlByResourcePath,
            String globalName,
            Class<?> globalType) {
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(drlByResourcePath, "drlByResourcePath");
        if (drlByResourcePath.isEmpty()) {
            throw new RuleSetCompilationException(ruleSetVersion, List.of("The rule set has no DRL file"));
        }
        List<String> badPaths = drlByResourcePath.keySet().stream()
                .filter(path -> !path.endsWith(".drl"))
                .map(path -> path + ": not a DRL file (the name must end with .drl)")
                .toList();
        if (!badPaths.isEmpty()) {
            throw new RuleSetCompilationException(ruleSetVersion, badPaths);
        }
        long started = System.nanoTime();
        Built built = build(ruleSetVersion, artifactId, drlByResourcePath);
        KieContainer container = built.container();
        KieBase kieBase = container.getKieBase();
        requireGlobal(ruleSetVersion, kieBase, globalName, globalType);
        long rules = kieBase.getKiePackages().stream()
                .mapToLong(pkg -> pkg.getRules().size())
                .sum();
        log.info(
                "{} rule set {} ({} rules in {} files) in {} ms",
                built.prebuilt() ? "Loaded the prebuilt" : "Compiled",
                ruleSetVersion,
                rules,
                drlByResourcePath.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new Compiled(kieBase, () -> container.newKieBase(null), built.prebuilt());
    }

    private record Built(KieContainer container, boolean prebuilt) {}

    private static Built build(String ruleSetVersion, String artifactId, Map<String, String> drlByResourcePath) {
        String key = PrebuiltModules.key(artifactId, drlByResourcePath);
        InternalKieModule prebuilt = PrebuiltModules.find(artifactId, key);
        if (prebuilt != null) {
            synchronized (PrebuiltModules.lock(key)) {
                return new Built(
                        container(
                                prebuilt.getReleaseId(),
                                () -> KieServices.get().getRepository().addKieModule(prebuilt)),
                        true);
            }
        }
        if (PrebuiltModules.recording()) {
            synchronized (PrebuiltModules.lock(key)) {
                return new Built(
                        compile(ruleSetVersion, PrebuiltModules.releaseId(artifactId, key), drlByResourcePath, key),
                        false);
            }
        }
        // A release id of its own per build: KieServices keeps modules in a JVM-wide repository, and two rule sets
        // built at the same time must not replace each other there.
        ReleaseId releaseId =
                KieServices.get().newReleaseId("io.cxloop.rules", artifactId, "0.0.0-" + UUID.randomUUID());
        return new Built(compile(ruleSetVersion, releaseId, drlByResourcePath, null), false);
    }

    /** Compiles the DRL to an executable-model module; records it as prebuilt under {@code key} unless null. */
    private static KieContainer compile(
            String ruleSetVersion, ReleaseId releaseId, Map<String, String> drlByResourcePath, String key) {
        KieServices kieServices = KieServices.get();
        KieFileSystem files = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
        drlByResourcePath.forEach((path, drl) ->
                files.write(SOURCE_FOLDER + stripLeadingSlash(path), Objects.requireNonNull(drl, "DRL of " + path)));

        KieBuilder builder = kieServices.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RuleSetCompilationException(
                    ruleSetVersion,
                    errors.stream().map(KieBaseCompiler::describe).toList());
        }
        builder.getResults()
                .getMessages(Message.Level.WARNING)
                .forEach(warning -> log.warn("Rule set {}: {}", ruleSetVersion, describe(warning)));
        if (key != null) {
            PrebuiltModules.record(key, (InternalKieModule) builder.getKieModule());
        }
        // buildAll added the module to the repository
        return container(releaseId, () -> {});
    }

    /** A container of the module, which is in (or added to) the repository only for as long as this takes. */
    private static KieContainer container(ReleaseId releaseId, Runnable addModule) {
        KieServices kieServices = KieServices.get();
        addModule.run();
        try {
            KieContainer container = kieServices.newKieContainer(releaseId);
            container.getKieBase();
            return container;
        } finally {
            kieServices.getRepository().removeKieModule(releaseId);
        }
    }

    private static void requireGlobal(String ruleSetVersion, KieBase kieBase, String name, Class<?> type) {
        boolean declared = kieBase.getKiePackages().stream()
                .map(KiePackage::getGlobalVariables)
                .flatMap(globals -> globals.stream())
                .anyMatch(global -> isGlobal(global, name, type));
        if (!declared) {
            throw new RuleSetCompilationException(
                    ruleSetVersion,
                    List.of("The rule set must declare 'global " + type.getName() + " " + name
                            + ";' to report its decision"));
        }
    }

    private static boolean isGlobal(Global global, String name, Class<?> type) {
        return global.getName().equals(name) && global.getType().equals(type.getName());
    }

    private static String describe(Message message) {
        String where = message.getPath() == null
                ? ""
                : stripSourceFolder(message.getPath()) + (message.getLine() > 0 ? ":" + message.getLine() : "") + ": ";
        return where + message.getText().strip();
    }

    private static String stripSourceFolder(String path) {
        return path.startsWith(SOURCE_FOLDER) ? path.substring(SOURCE_FOLDER.length()) : path;
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
