package io.cxloop.engine.insight;

/**
 * NPS answers of one group: promoters scored 9–10, passives 7–8, detractors 0–6.
 *
 * @param scoreSum sum of the scores, for averages of CSAT and CES answers
 */
record NpsCounts(String group, long responses, long promoters, long passives, long detractors, long scoreSum) {

    static final NpsCounts NONE = new NpsCounts(null, 0, 0, 0, 0, 0);

    NpsCounts plus(NpsCounts other) {
        return new NpsCounts(
                group,
                responses + other.responses,
                promoters + other.promoters,
                passives + other.passives,
                detractors + other.detractors,
                scoreSum + other.scoreSum);
    }

    NpsCounts named(String name) {
        return new NpsCounts(name, responses, promoters, passives, detractors, scoreSum);
    }
}
