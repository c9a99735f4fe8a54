package io.cxloop.engine.insight;

import io.cxloop.engine.insight.Uplift.Interval;
import java.time.Instant;

/**
 * Treated versus control customers of one reconnect trigger, for campaigns that started in {@code [from, to)} and
 * have ended. Only campaigns whose rules chose to contact the customer are compared: a treated customer got the
 * message, a control customer (held out by the trigger's {@code controlShare}) got nothing. A conversion is the goal
 * event within the window the offer is (or would have been) valid.
 *
 * @param absoluteUplift treated rate - control rate; null when a group has no ended campaign
 * @param confidenceInterval95 95 % interval of the absolute uplift; null when a group has no ended campaign
 * @param sufficientSample whether both groups are large enough for the interval to be trusted
 * @param note what to keep in mind reading the numbers; null when there is nothing
 * @param running campaigns of the period in either group that have not ended yet (not counted above)
 */
public record UpliftReport(
        String trigger,
        Instant from,
        Instant to,
        Group treated,
        Group control,
        Double absoluteUplift,
        Interval confidenceInterval95,
        String method,
        boolean sufficientSample,
        String note,
        long running) {

    /**
     * One group's ended campaigns.
     *
     * @param conversionRate conversions / campaigns; null without campaigns
     */
    public record Group(long campaigns, long conversions, Double conversionRate) {

        static Group of(long campaigns, long conversions) {
            return new Group(campaigns, conversions, campaigns == 0 ? null : (double) conversions / campaigns);
        }
    }

    static UpliftReport of(
            String trigger,
            ReportPeriod period,
            long treated,
            long treatedConversions,
            long control,
            long controlConversions,
            long running) {
        Group t = Group.of(treated, treatedConversions);
        Group c = Group.of(control, controlConversions);
        boolean both = treated > 0 && control > 0;
        boolean sufficient =
                Uplift.sufficient(treatedConversions, treated) && Uplift.sufficient(controlConversions, control);
        String note;
        if (!both) {
            note = "No uplift: "
                    + (treated == 0 && control == 0
                            ? "no campaign"
                            : treated == 0 ? "no treated campaign" : "no control campaign")
                    + " of this trigger has ended in the period; set a controlShare on the"
                    + " trigger to hold out a control group";
        } else if (!sufficient) {
            note = "Samples too small for a reliable interval: each group needs at least " + Uplift.MIN_CAMPAIGNS
                    + " ended campaigns with at least " + Uplift.MIN_EACH_OUTCOME + " conversions and "
                    + Uplift.MIN_EACH_OUTCOME + " non-conversions; read the numbers as a first indication only";
        } else {
            note = null;
        }
        return new UpliftReport(
                trigger,
                period.from(),
                period.to(),
                t,
                c,
                both ? t.conversionRate() - c.conversionRate() : null,
                both ? Uplift.newcombe(treatedConversions, treated, controlConversions, control) : null,
                Uplift.METHOD,
                sufficient,
                note,
                running);
    }
}
