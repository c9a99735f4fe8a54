package io.cxloop.engine.insight;

/** How the NPS report groups feedback; the customer's value segment is the current one, not the one at the time. */
enum NpsGrouping implements ReportGrouping {
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

    @Override
    public String parameter() {
        return parameter;
    }

    @Override
    public String column() {
        return column;
    }

    /** The grouping named by the {@code by} parameter; touchpoint when absent. */
    static NpsGrouping of(String by) {
        return ReportGrouping.of(NpsGrouping.class, by, TOUCHPOINT);
    }
}
