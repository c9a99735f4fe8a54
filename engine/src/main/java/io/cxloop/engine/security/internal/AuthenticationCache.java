package io.cxloop.engine.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Successful logins of the last moments, so that an API client's every request does not cost a password check and a
 * group query against Camunda's identity tables (each a command and a transaction of its own). Kept per user: a salted
 * SHA-256 of the password that was presented (never the password), the user's groups, and when the entry expires.
 *
 * <p>An entry is only ever a shortcut for what Camunda said a moment ago: it expires after the configured time; every
 * change of a user, group or membership on this node empties the cache (see {@link IdentityChangesPlugin}); a failed
 * check of the user's password anywhere on this node removes the user's entry, so a lock after failed attempts takes
 * effect at once; failures are never kept, so a wrong password always reaches Camunda and counts as a failed attempt.
 * A change made on another node takes effect here when the entry expires.
 */
public final class AuthenticationCache {

    /** More users than any installation logs in within a minute: past it, the cache starts afresh. */
    private static final int MAX_ENTRIES = 10_000;

    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;
    private final byte[] salt = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record Entry(byte[] passwordDigest, List<String> groupIds, long expiresAt, long generation) {}

    public AuthenticationCache(Duration timeToLive) {
        this(timeToLive, System::nanoTime);
    }

    AuthenticationCache(Duration timeToLive, LongSupplier nanoTime) {
        this.timeToLiveNanos = timeToLive.isNegative() ? 0 : timeToLive.toNanos();
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(salt);
    }

    /** A cache that keeps nothing: every login asks Camunda. */
    public static AuthenticationCache disabled() {
        return new AuthenticationCache(Duration.ZERO);
    }

    boolean enabled() {
        return timeToLiveNanos > 0;
    }

    /** The user's groups if this password succeeded for the user within the time to live and nothing changed since. */
    Optional<List<String>> groupsOf(String userId, String password) {
        if (!enabled()) {
            return Optional.empty();
        }
        Entry entry = entries.get(userId);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.expiresAt() >= 0 || entry.generation() != generation.get()) {
            entries.remove(userId, entry);
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(entry.passwordDigest(), digest(password))) {
            return Optional.empty();
        }
        return Optional.of(entry.groupIds());
    }

    /** Where the cache stands; pass it to {@link #remember} with what Camunda said after this moment. */
    long generation() {
        return generation.get();
    }

    /**
     * Keeps a successful login, unless the identity data changed since {@code generation} was read (Camunda's answer
     * may then be stale).
     */
    void remember(String userId, String password, List<String> groupIds, long generation) {
        if (!enabled() || generation != this.generation.get()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(
                userId,
                new Entry(digest(password), List.copyOf(groupIds), nanoTime.getAsLong() + timeToLiveNanos, generation));
    }

    /** Forgets the user's login, e.g. after a failed attempt (the user may be locked now). */
    void forget(String userId) {
        entries.remove(userId);
    }

    /** Forgets every login: a user, group or membership changed. */
    void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
