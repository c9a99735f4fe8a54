package io.cxloop.engine.offer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Beta prior of every offer's propensity, Beta(α0, β0): its mean α0 / (α0 + β0) is the propensity of an offer
 * without outcomes, α0 + β0 how many outcomes it takes to move it much.
 *
 * @param alpha α0, default 1
 * @param beta β0, default 9 (a new offer converts one customer in ten, worth ten outcomes)
 */
@ConfigurationProperties("cxloop.propensity.prior")
public record PropensityProperties(@DefaultValue("1") double alpha, @DefaultValue("9") double beta) {

    public PropensityProperties {
        if (!(alpha > 0) || !(beta > 0)) {
            throw new IllegalArgumentException("cxloop.propensity.prior.alpha and .beta must be positive");
        }
    }
}
