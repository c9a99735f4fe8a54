package io.cxloop.rules.lifecycle.internal;

import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.lifecycle.RuleSetRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Checks uploaded DRL before it is compiled or run: it may use its {@link FactModel} and nothing else.
 *
 * <p>Two layers, because Drools 10 has no sandbox of its own any more (its {@code SecurityManager}-based policy went
 * with the JDK's security manager, deprecated for removal since Java 17):
 *
 * <ol>
 *   <li>the parsed DRL: its package must be the fact model's (classes of the same package need no import), every
 *       import and global type must be allowed, and there are no function or accumulate imports (both bring in code
 *       from elsewhere);
 *   <li>the code itself — conditions, consequences, functions — as tokens, with comments and string literals blanked
 *       out: no fully qualified names (so only imported classes are reachable), no {@code java.lang} classes that
 *       reach the process or the JVM ({@code System}, {@code Runtime}, {@code Thread}, {@code ProcessBuilder},
 *       {@code Class}, {@code ClassLoader}, …), no reflective methods ({@code getClass}, {@code forName}, {@code
 *       invoke}, …) and no unicode escapes (the Java compiler would decode them after this check).
 * </ol>
 *
 * A deny-list on top of an allow-list: the allow-list decides which types exist for the rules, the deny-list closes
 * the paths around it that Java always opens ({@code java.lang}, {@code Object.getClass()}).
 */
public final class DrlSafetyCheck {

    /** Classes of {@code java.lang} (visible without import) that reach beyond the facts. */
    static final Set<String> FORBIDDEN_TYPES = Set.of(
            "System",
            "Runtime",
            "Thread",
            "ThreadGroup",
            "ThreadLocal",
            "InheritableThreadLocal",
            "Process",
            "ProcessBuilder",
            "ProcessHandle",
            "Class",
            "ClassLoader",
            "ClassValue",
            "Module",
            "ModuleLayer",
            "Package",
            "StackWalker",
            "SecurityManager",
            "Compiler",
            "RuntimePermission");

    /** Methods that open reflection, class loading, the process or the rule engine's internals. */
    static final Set<String> FORBIDDEN_METHODS = Set.of(
            "getClass",
            "forName",
            "getClassLoader",
            "getContextClassLoader",
            "loadClass",
            "newInstance",
            "getMethod",
            "getMethods",
            "getDeclaredMethod",
            "getDeclaredMethods",
            "getField",
            "getFields",
            "getDeclaredField",
            "getDeclaredFields",
            "getConstructor",
            "getConstructors",
            "getDeclaredConstructor",
            "getDeclaredConstructors",
            "invoke",
            "setAccessible",
            "exit",
            "halt",
            "exec",
            "getRuntime",
            "getenv",
            "getKieRuntime",
            "getKnowledgeRuntime",
            "getWorkingMemory",
            "kcontext",
            "class");

    /** First segments of fully qualified names; rules reach classes through their imports only. */
    static final Set<String> PACKAGE_ROOTS = Set.of(
            "java", "javax", "jakarta", "jdk", "sun", "com", "org", "io", "net", "kotlin", "groovy", "scala", "ch",
            "de", "mvel2");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private DrlSafetyCheck() {}

    /**
     * Refuses DRL that reaches beyond its fact model.
     *
     * @param drlByResourcePath the uploaded DRL files by resource path
     * @throws RuleSetRejectedException with every finding, each prefixed by path and line
     */
    public static void check(String ruleSet, Map<String, String> drlByResourcePath, FactModel model) {
        List<String> findings = new ArrayList<>();
        drlByResourcePath.forEach((path, drl) -> findings.addAll(findings(path, drl, model)));
        if (!findings.isEmpty()) {
            throw new RuleSetRejectedException("Rule set " + ruleSet, findings);
        }
    }

    /** Every finding for one DRL file; empty when it is safe to compile. */
    public static List<String> findings(String path, String drl, FactModel model) {
        List<String> findings = new ArrayList<>();
        if (drl.contains("\\u")) {
            findings.add(path + ":" + lineOf(drl, drl.indexOf("\\u"))
                    + ": unicode escapes are not allowed in rules; write the character itself");
        }
        PackageDescr parsed;
        DrlParser parser = new DrlParser();
        try {
            parsed = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            return List.of(path + ": cannot be parsed: " + e.getMessage());
        }
        if (parser.hasErrors() || parsed == null) {
            parser.getErrors().forEach(error -> findings.add(path + ": " + error.getMessage()));
            return findings;
        }
        if (!model.drlPackage().equals(parsed.getName())) {
            findings.add(path + ": the package must be '" + model.drlPackage() + "', not '" + parsed.getName() + "'");
        }
        for (ImportDescr imported : parsed.getImports()) {
            String target = imported.getTarget();
            if (target.endsWith(".*")) {
                findings.add(at(path, imported.getLine()) + "import " + target
                        + " is not allowed: import the fact model's classes one by one");
            } else if (!model.allows(target)) {
                findings.add(at(path, imported.getLine()) + "import " + target
                        + " is not allowed: rules may only use the fact model's types");
            }
        }
        for (FunctionImportDescr imported : parsed.getFunctionImports()) {
            findings.add(at(path, imported.getLine()) + "import function " + imported.getTarget()
                    + " is not allowed: write the function in the rule set");
        }
        for (AccumulateImportDescr imported : parsed.getAccumulateImports()) {
            findings.add(at(path, imported.getLine()) + "import accumulate " + imported.getTarget()
                    + " is not allowed: use the built-in accumulate functions");
        }
        for (GlobalDescr global : parsed.getGlobals()) {
            String type = global.getType();
            boolean allowed = type.contains(".")
                    ? model.allows(type)
                    : parsed.getImports().stream().anyMatch(i -> i.getTarget().endsWith("." + type));
            if (!allowed) {
                findings.add(at(path, global.getLine()) + "global " + type + " " + global.getIdentifier()
                        + " is not allowed: globals must be of the fact model's types");
            }
        }
        findings.addAll(codeFindings(path, drl));
        return findings;
    }

    private static List<String> codeFindings(String path, String drl) {
        String code = blankCommentsAndStrings(drl);
        List<String> findings = new ArrayList<>();
        Matcher identifier = IDENTIFIER.matcher(code);
        int from = 0;
        while (identifier.find(from)) {
            String word = identifier.group();
            int start = identifier.start();
            from = identifier.end();
            boolean member = previousNonSpace(code, start) == '.';
            if (!member && (word.equals("import") || word.equals("package"))) {
                // checked on the parsed DRL above; the statement ends at ';' or at the end of the line
                from = endOfStatement(code, from);
                continue;
            }
            if (FORBIDDEN_TYPES.contains(word) && !member) {
                findings.add(at(path, lineOf(drl, start)) + "'" + word
                        + "' is not allowed in rules: it reaches the JVM or the process, not the facts");
            } else if (FORBIDDEN_METHODS.contains(word)) {
                findings.add(at(path, lineOf(drl, start)) + "'" + word
                        + "' is not allowed in rules: no reflection, class loading or process control");
            } else if (PACKAGE_ROOTS.contains(word) && !member && nextNonSpace(code, identifier.end()) == '.') {
                findings.add(at(path, lineOf(drl, start)) + "fully qualified name '" + qualifiedName(code, start)
                        + "' is not allowed in rules: import an allowed class instead");
            }
        }
        return findings;
    }

    /**
     * The DRL with comments and string/char literals replaced by spaces (line breaks kept, so offsets and lines stay
     * the same): what remains is code and names.
     */
    static String blankCommentsAndStrings(String drl) {
        char[] out = drl.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            if (c == '/' && i + 1 < out.length && out[i + 1] == '/') {
                while (i < out.length && out[i] != '\n') {
                    out[i++] = ' ';
                }
            } else if (c == '/' && i + 1 < out.length && out[i + 1] == '*') {
                int end = drl.indexOf("*/", i + 2);
                end = end < 0 ? out.length : end + 2;
                while (i < end) {
                    if (out[i] != '\n') {
                        out[i] = ' ';
                    }
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < out.length && out[i] != c) {
                    if (out[i] == '\\' && i + 1 < out.length) {
                        out[i++] = ' ';
                    }
                    if (out[i] != '\n') {
                        out[i] = ' ';
                    }
                    i++;
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(out);
    }

    private static int endOfStatement(String code, int from) {
        for (int i = from; i < code.length(); i++) {
            if (code.charAt(i) == ';' || code.charAt(i) == '\n') {
                return i;
            }
        }
        return code.length();
    }

    private static String qualifiedName(String code, int start) {
        int end = start;
        while (end < code.length() && (Character.isJavaIdentifierPart(code.charAt(end)) || code.charAt(end) == '.')) {
            end++;
        }
        return code.substring(start, end);
    }

    private static char previousNonSpace(String code, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            if (!Character.isWhitespace(code.charAt(i))) {
                return code.charAt(i);
            }
        }
        return 0;
    }

    private static char nextNonSpace(String code, int offset) {
        for (int i = offset; i < code.length(); i++) {
            if (!Character.isWhitespace(code.charAt(i))) {
                return code.charAt(i);
            }
        }
        return 0;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String at(String path, int line) {
        return path + (line > 0 ? ":" + line : "") + ": ";
    }
}
