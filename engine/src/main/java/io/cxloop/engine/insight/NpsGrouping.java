package io.cxloop.engine.insight;

import io.cxloop.engine.web.InvalidFieldException;
import java.util.Arrays;

/** How the NPS report groups feedback; the customer's value segment is the current one, not the one at the time. */
enum NpsGrouping {
    TOUCHPOINT("touchpoint", "f.touchpoint"),
    CHANNEL("channel", "f.channel"),
    JOURNEY_STAGE("journeyStage", "f.journey_stage"),
    SEGMENT("segment", "c.value_segment");

    private final String parameter;
    private final String column;

    NpsGrouping(String parameter, String column) {
        this.parameter = parameter;
        this.column = column;
    }

    String parameter() {
        return parameter;
    }

    String column() {
        return column;
    }

    /** The grouping named by the {@code by} parameter; touchpoint when absent. */
    static NpsGrouping of(String by) {
        if (by == null || by.isBlank()) {
            return TOUCHPOINT;
        }
        return Arrays.stream(values())
                .filter(g -> g.parameter.equals(by))
                .findFirst()
                .orElseThrow(() -> new InvalidFieldException(
                        "by", "must be one of touchpoint, channel, journeyStage, segment, was '" + by + "'"));
    }
}
