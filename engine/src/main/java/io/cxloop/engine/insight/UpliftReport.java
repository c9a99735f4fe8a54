package io.cxloop.engine.insight;

import io.cxloop.engine.insight.Uplift.Interval;
import java.time.Instant;

/**
 * Treated versus control customers of one reconnect trigger, for campaigns that started in {@code [from, to)} and
 * have ended. Only campaigns whose rules chose to contact the customer are compared: a treated customer got the
 * trigger's treatment (the message, unless held out of the chosen offer's own control group), a control customer
 * (held out by the trigger's {@code controlShare}) got nothing. A conversion is the goal event within the window the
 * offer is (or would have been) valid.
 *
 * <p>Or the same of one catalogue offer, for decisions made in {@code [from, to)} that chose it and whose outcome is
 * recorded (by the campaign, or reported by the system that asked for the decision): treated customers got the offer,
 * control customers were held out by the offer's {@code controlShare}. Campaigns and decisions are counted alike
 * below ({@code campaigns}).
 *
 * @param trigger the trigger reported on; null for an offer's report
 * @param offer the catalogue offer reported on; null for a trigger's report
 * @param absoluteUplift treated rate - control rate; null when a group has no ended campaign
 * @param confidenceInterval95 95 % interval of the absolute uplift; null when a group has no ended campaign
 * @param sufficientSample whether both groups are large enough for the interval to be trusted
 * @param note what to keep in mind reading the numbers; null when there is nothing
 * @param running campaigns of the period in either group that have not ended yet (not counted above); for an offer,
 *     decisions still waiting for their outcome
 */
public record UpliftReport(
        String trigger,
        String offer,
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
        return of(trigger, null, period, treated, treatedConversions, control, controlConversions, running);
    }

    static UpliftReport ofOffer(
            String offer,
            ReportPeriod period,
            long treated,
            long treatedConversions,
            long control,
            long controlConversions,
            long running) {
        return of(null, offer, period, treated, treatedConversions, control, controlConversions, running);
    }

    private static UpliftReport of(
            String trigger,
            String offer,
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
        String unit = trigger != null ? "campaign" : "decision";
        String note;
        if (!both) {
            note = "No uplift: "
                    + (treated == 0 && control == 0
                            ? "no " + unit
                            : treated == 0 ? "no treated " + unit : "no control " + unit)
                    + (trigger != null
                            ? " of this trigger has ended in the period; set a controlShare on the"
                                    + " trigger to hold out a control group"
                            : " of this offer has an outcome in the period; set a controlShare on the"
                                    + " offer to hold out a control group");
        } else if (!sufficient) {
            note = "Samples too small for a reliable interval: each group needs at least " + Uplift.MIN_CAMPAIGNS
                    + (trigger != null ? " ended campaigns" : " decisions with an outcome") + " with at least "
                    + Uplift.MIN_EACH_OUTCOME + " conversions and "
                    + Uplift.MIN_EACH_OUTCOME + " non-conversions; read the numbers as a first indication only";
        } else {
            note = null;
        }
        return new UpliftReport(
                trigger,
                offer,
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
