package io.cxloop.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.modelcompiler.CanonicalKieModuleProvider;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;

/**
 * Executable-model KieModules compiled when the rules jar was built, one per built-in rule set (as composed in the
 * jar: next-best action with the contact policy, the invitations with the contact policy, triage, the policy alone).
 * Compiling DRL to the executable model generates and compiles Java (seconds of CPU per rule set) and was most of the
 * engine's start-up; a prebuilt module only loads the classes. A module is found by a digest of exactly the DRL texts
 * it was compiled from and the Drools version, so a changed rule, an uploaded version or another Drools never meets
 * a module that was not built from it: those compile as before.
 *
 * <p>The build writes the modules with {@code io.cxloop.rules.BuiltInRuleModules} into {@value #FOLDER}.
 */
final class PrebuiltModules {

    static final String FOLDER = "META-INF/cxloop/rule-modules/";

    private static final ConcurrentMap<String, Object> LOCKS = new ConcurrentHashMap<>();

    /** Set only by the build, while it compiles the built-in rule sets to ship them. */
    private static volatile Path recordInto;

    private PrebuiltModules() {}

    /** Makes every compilation of this JVM write its module into {@code folder} (the build's output), as prebuilt. */
    static void recordInto(Path folder) {
        // modules of DRL that has changed since an earlier build are never found again: not shipped either
        Path modules = folder.resolve(FOLDER);
        if (Files.isDirectory(modules)) {
            try (Stream<Path> files = Files.list(modules)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        recordInto = folder;
    }

    static boolean recording() {
        return recordInto != null;
    }

    /** The digest a module of these DRL texts is filed under. */
    static String key(String artifactId, Map<String, String> drlByResourcePath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, KieServices.class.getPackage().getImplementationVersion());
            update(digest, artifactId);
            new TreeMap<>(drlByResourcePath).forEach((path, drl) -> {
                update(digest, path);
                update(digest, drl);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = String.valueOf(text).getBytes(StandardCharsets.UTF_8);
        // the length first, so that ("ab", "c") and ("a", "bc") differ
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    /**
     * The release id of a prebuilt module: fixed, since the generated classes are named after it. Only used while the
     * module is added to and taken from Drools' JVM-wide repository, under {@link #lock}.
     */
    static ReleaseId releaseId(String artifactId, String key) {
        return KieServices.get().newReleaseId("io.cxloop.rules.prebuilt", artifactId, "0.0.0-" + key);
    }

    /** Serialises loading and recording the module of one key, which share a release id. */
    static Object lock(String key) {
        return LOCKS.computeIfAbsent(key, any -> new Object());
    }

    /** The module built for this key, ready to be added to the repository, or null when the jar has none. */
    static InternalKieModule find(String artifactId, String key) {
        byte[] jar;
        try (InputStream in = PrebuiltModules.class.getClassLoader().getResourceAsStream(FOLDER + key + ".jar")) {
            if (in == null) {
                return null;
            }
            jar = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the module's kmodule.xml is the default one (no kmodule.xml was written when it was built)
        KieModuleModel model = KieServices.get().newKieModuleModel();
        KieBuilderImpl.setDefaultsforEmptyKieModule(model);
        return new CanonicalKieModuleProvider()
                .createKieModule(releaseId(artifactId, key), model, MemoryFileSystem.readFromJar(jar));
    }

    /** Writes a module just compiled for this key, when the build is recording. */
    static void record(String key, InternalKieModule module) {
        Path folder = recordInto;
        if (folder == null) {
            return;
        }
        try {
            Path target = folder.resolve(FOLDER + key + ".jar");
            Files.createDirectories(target.getParent());
            Files.write(target, module.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
