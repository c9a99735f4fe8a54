package io.cxloop.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.accessor.ReadAccessor;
import org.drools.base.rule.constraint.Constraint;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A rule set split by what its rules require of the decision's context fact, so that a decision's facts reach only the
 * rules that can match it.
 *
 * <p>Analysts write rules per trigger that begin with the trigger ({@code ReconnectContext( triggerKey == "t" )}) and
 * go on with facts every decision has (the customer, each channel candidate, each offer). Drools indexes the trigger's
 * literal in the alpha network, but each such rule has join nodes of its own, and every customer, candidate and offer
 * of every decision enters the memory of every one of them: with 500 such rules that was half of a decision and two
 * thirds of its allocation (docs/benchmarks.md). Written the other way round the shared patterns come first and each
 * of their partial matches is copied into every rule's join instead, which costs nearly as much.
 *
 * <p>The context fact is inserted once per decision, by the engine, and no rule can insert another one (checked by the
 * engine that uses this class). A rule with a top-level positive pattern of its type that requires a property to
 * equal a string literal can then only match when the decision's context has that value. Such rules are spread over
 * up to {@value #MAX_PARTS} parts by the literal's hash; each part gets a KieBase of the whole rule set <em>minus the
 * other parts' rules</em>, made from the same compiled rules with {@link KieBase#removeRule}, so that its remaining
 * rules keep their load order and network, and fire in the same order with the same matches as in the whole rule set.
 * The rules of no part (everything else) are in every part. A rule set with fewer than {@value #MIN_RULES} such rules
 * is not split: it would cost compile time and memory for little.
 */
public final class ContextPartitions {

    /** Fewer rules than this that require a context literal: the rule set is not split. */
    static final int MIN_RULES = 64;

    /** The rule set is split into at most this many parts. */
    static final int MAX_PARTS = 16;

    private final ReadAccessor property;
    private final String propertyText;
    private final List<KieBase> parts;

    private ContextPartitions(ReadAccessor property, String propertyText, List<KieBase> parts) {
        this.property = property;
        this.propertyText = propertyText;
        this.parts = List.copyOf(parts);
    }

    /**
     * Splits the rule set when enough of its rules require a string literal of the context fact.
     *
     * @param kieBase the whole rule set, to analyse
     * @param contextType the type of the fact the engine inserts exactly once per decision, and no rule inserts
     * @param newKieBase a new KieBase of the same compiled rules for each part
     * @return empty when the rule set is not worth splitting
     */
    public static Optional<ContextPartitions> of(KieBase kieBase, Class<?> contextType, Supplier<KieBase> newKieBase) {
        return of(kieBase, contextType, newKieBase, MIN_RULES, MAX_PARTS);
    }

    static Optional<ContextPartitions> of(
            KieBase kieBase, Class<?> contextType, Supplier<KieBase> newKieBase, int minRules, int maxParts) {
        Objects.requireNonNull(contextType, "contextType");
        // the property most such rules test; rules on other properties stay in every part. Accessors are equal when
        // they read the same property: Drools hashes the alpha network's literals by the same equality.
        Map<ReadAccessor, Map<String, List<Rule>>> byProperty = new HashMap<>();
        Map<ReadAccessor, String> propertyTexts = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (!(rule instanceof RuleImpl ruleImpl) || ruleImpl.isQuery()) {
                    continue;
                }
                requiredLiteral(ruleImpl, contextType).ifPresent(literal -> {
                    byProperty
                            .computeIfAbsent(literal.property(), property -> new HashMap<>())
                            .computeIfAbsent(literal.value(), value -> new ArrayList<>())
                            .add(rule);
                    propertyTexts.putIfAbsent(literal.property(), literal.text());
                });
            }
        }
        ReadAccessor property = null;
        int most = 0;
        for (Map.Entry<ReadAccessor, Map<String, List<Rule>>> entry : byProperty.entrySet()) {
            int rules = entry.getValue().values().stream().mapToInt(List::size).sum();
            if (rules > most) {
                most = rules;
                property = entry.getKey();
            }
        }
        if (property == null || most < minRules) {
            return Optional.empty();
        }
        Map<String, List<Rule>> byValue = byProperty.get(property);
        int partCount = Math.min(maxParts, byValue.size());
        if (partCount < 2) {
            return Optional.empty();
        }
        List<KieBase> parts = new ArrayList<>(partCount);
        for (int part = 0; part < partCount; part++) {
            KieBase partBase = newKieBase.get();
            for (Map.Entry<String, List<Rule>> entry : byValue.entrySet()) {
                if (partOf(entry.getKey(), partCount) != part) {
                    for (Rule rule : entry.getValue()) {
                        partBase.removeRule(rule.getPackageName(), rule.getName());
                    }
                }
            }
            parts.add(partBase);
        }
        return Optional.of(new ContextPartitions(property, propertyTexts.get(property), parts));
    }

    /** How many parts the rule set was split into. */
    public int size() {
        return parts.size();
    }

    /** The part that holds every rule that can match a decision with this context fact. */
    public int partOf(Object contextFact) {
        Object value = property.getValue(null, contextFact);
        return value instanceof String text ? partOf(text, parts.size()) : 0;
    }

    /** The KieBase of a part: every rule of the rule set except those that require another part's literal. */
    public KieBase kieBase(int part) {
        return parts.get(part);
    }

    /** E.g. {@code triggerKey == "trigger-1"}: the constraint of the first rule split by, for the log. */
    public String splitBy() {
        return propertyText;
    }

    private static int partOf(String value, int partCount) {
        return Math.floorMod(value.hashCode(), partCount);
    }

    private record Literal(ReadAccessor property, String value, String text) {}

    /**
     * The string a property of the context fact must equal for the rule to match: from a positive pattern of the
     * context type among the rule's top-level conditions, in the default entry point, with an alpha constraint
     * {@code property == "literal"}. Empty when the rule has none (or the rule's conditions are an {@code or}).
     */
    private static Optional<Literal> requiredLiteral(RuleImpl rule, Class<?> contextType) {
        GroupElement lhs = rule.getLhs();
        if (lhs == null || !lhs.isAnd()) {
            return Optional.empty();
        }
        for (RuleConditionElement element : lhs.getChildren()) {
            if (!(element instanceof Pattern pattern)
                    || !(pattern.getObjectType() instanceof ClassObjectType type)
                    || type.getClassType() != contextType
                    || !(pattern.getSource() == null || EntryPointId.DEFAULT.equals(pattern.getSource()))) {
                continue;
            }
            for (Constraint constraint : pattern.getConstraints()) {
                if (constraint instanceof LambdaConstraint lambda
                        && lambda.getType() == Constraint.ConstraintType.ALPHA
                        && lambda.getRequiredDeclarations().length == 0
                        && lambda.getConstraintType() == ConstraintTypeOperator.EQUAL
                        && lambda.getFieldExtractor() != null
                        && lambda.getField() != null
                        && lambda.getField().getValue() instanceof String value) {
                    return Optional.of(new Literal(
                            lambda.getFieldExtractor(),
                            value,
                            lambda.getPredicateInformation().getStringConstraint()));
                }
            }
        }
        return Optional.empty();
    }

    /** Rule names per part, for tests. */
    Set<String> ruleNames(int part) {
        Set<String> names = new HashSet<>();
        for (KiePackage kiePackage : parts.get(part).getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                names.add(rule.getName());
            }
        }
        return names;
    }
}
