package io.cxloop.rules.lifecycle;

import java.util.Set;

/**
 * What an uploaded rule set of one kind may refer to: its DRL package, and the classes it may import (exactly named,
 * or every class of an allowed package). Everything else — above all {@code System}, reflection, I/O, network,
 * threads and class loaders — is refused by {@link RuleSetSafety} before the rules are compiled.
 *
 * @param drlPackage the one package the rule set's DRL must declare; classes of other packages are only reachable
 *     through the imports allowed here
 * @param classes classes that may be imported by their full name
 * @param packages packages whose classes (not sub-packages) may be imported
 */
public record FactModel(String drlPackage, Set<String> classes, Set<String> packages) {

    /** Value types every rule set may use: dates and times, numbers, the basic collections. */
    public static final Set<String> COMMON_PACKAGES = Set.of("java.time", "java.math");

    public static final Set<String> COMMON_CLASSES = Set.of(
            "java.util.List",
            "java.util.Set",
            "java.util.Map",
            "java.util.Collection",
            "java.util.Collections",
            "java.util.Objects",
            "java.util.Optional",
            "java.util.ArrayList",
            "java.util.HashMap",
            "java.util.HashSet",
            "java.util.LinkedHashMap",
            "java.util.LinkedHashSet",
            "java.util.Locale");

    public FactModel {
        classes = Set.copyOf(classes);
        packages = Set.copyOf(packages);
    }

    /** Whether {@code className} (fully qualified) may be imported. */
    public boolean allows(String className) {
        if (classes.contains(className) || COMMON_CLASSES.contains(className)) {
            return true;
        }
        int lastDot = className.lastIndexOf('.');
        if (lastDot < 0) {
            return false;
        }
        String pkg = className.substring(0, lastDot);
        return packages.contains(pkg) || COMMON_PACKAGES.contains(pkg);
    }
}
