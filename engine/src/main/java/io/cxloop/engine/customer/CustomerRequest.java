package io.cxloop.engine.customer;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.ValueSegment;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code PUT /api/customers/{customerId}}.
 *
 * @param valueSegment {@code HIGH}, {@code MEDIUM} or {@code LOW}: triage reacts faster to more valuable customers;
 *     {@code MEDIUM} when absent
 */
public record CustomerRequest(
        @Size(max = 200) String firstName,
        @Size(max = 200) String lastName,
        @Email @Size(max = 320) String email,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +4917012345678")
                String phone,
        @NotBlank @Pattern(regexp = "de|en", message = "must be \"de\" or \"en\"") String language,
        @NotBlank @ValidTimeZone String timezone,
        Map<Channel, Boolean> consents,
        ValueSegment valueSegment) {}
