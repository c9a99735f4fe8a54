package io.cxloop.engine.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The roles of cxloop. A role is a Camunda group whose id is the role's name (managed in Camunda Admin); a member
 * gets the Spring authority {@code ROLE_<NAME>}, so code checks it with {@code hasRole('MARKETER')}. Members of
 * Camunda's own {@value #CAMUNDA_ADMIN_GROUP} group are {@link #ADMIN} as well. Group ids are case-sensitive: a
 * group {@code marketer} grants nothing.
 */
public enum Role {
    /** Everything, including user management in Camunda Admin. */
    ADMIN,
    /** Reads processes, decisions and their history (Cockpit); tunes rules and processes. */
    ANALYST,
    /** Manages triggers and offers. */
    MARKETER,
    /** Works on tasks of their candidate groups (Tasklist), e.g. call-backs to detractors. */
    AGENT,
    /** Machine clients: posts events and customers, drives processes through {@code /engine-rest}. */
    SYSTEM;

    /** Camunda's built-in administrators group; its members are superusers of the process engine. */
    public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    /** The Spring authority of this role, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role a Camunda group stands for, if any. */
    public static Optional<Role> ofGroup(String groupId) {
        if (CAMUNDA_ADMIN_GROUP.equals(groupId)) {
            return Optional.of(ADMIN);
        }
        for (Role role : values()) {
            if (role.name().equals(groupId)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The Spring authorities of a member of these Camunda groups; groups that are no role grant nothing. */
    public static Set<GrantedAuthority> authoritiesOf(Collection<String> groupIds) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String groupId : groupIds) {
            ofGroup(groupId).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        }
        return authorities;
    }
}
