package io.cxloop.rules.nba;

/**
 * Why a decision came out as it did: one rule that fired, and a sentence a marketer can read.
 *
 * @param rule the rule's name as written in the rule set
 * @param reason what the rule concluded for this customer
 */
public record Explanation(String rule, String reason) {}
