package io.cxloop.rules.model;

/** The stages of the example customer journey (seed 001), in the order a customer passes them. */
public enum JourneyStage {
    INTEREST,
    ACQUIRE,
    PRE_PURCHASE,
    RECONNECT,
    SERVICE,
    ADVOCATE
}
