package io.cxloop.engine.insight;

import io.cxloop.engine.web.InvalidFieldException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A way a report groups its rows: the value of its {@code by} parameter and the SQL column it groups on. */
interface ReportGrouping {

    String parameter();

    String column();

    /** The grouping named by the {@code by} parameter, {@code fallback} when absent; 400 naming {@code by} else. */
    static <G extends Enum<G> & ReportGrouping> G of(Class<G> type, String by, G fallback) {
        if (by == null || by.isBlank()) {
            return fallback;
        }
        G[] groupings = type.getEnumConstants();
        return Arrays.stream(groupings)
                .filter(g -> g.parameter().equals(by))
                .findFirst()
                .orElseThrow(() -> new InvalidFieldException(
                        "by",
                        "must be one of "
                                + Arrays.stream(groupings)
                                        .map(ReportGrouping::parameter)
                                        .collect(Collectors.joining(", "))
                                + ", was '" + by + "'"));
    }
}
