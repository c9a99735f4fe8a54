package io.cxloop.connectors.receipt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures with a shared secret, as providers sign their delivery receipts (webhooks) and as we sign
 * unsubscribe tokens. A receipt's signature is the lower-case hex HMAC of the exact request body, optionally written
 * as {@code sha256=<hex>}; comparison takes constant time.
 */
public final class HmacSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the secret is missing or shorter than 16 characters */
    public HmacSignature(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("an HMAC secret needs at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public byte[] sign(byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 not available", e);
        }
    }

    /** The lower-case hex signature of the body, without prefix. */
    public String signHex(String body) {
        return HexFormat.of().formatHex(sign(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code signature} ({@code <hex>} or {@code sha256=<hex>}) is the body's. */
    public boolean verifies(byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        String hex = signature.strip().toLowerCase(Locale.ROOT);
        if (hex.startsWith(PREFIX)) {
            hex = hex.substring(PREFIX.length());
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(body), given);
    }

    /** Constant-time comparison of two signatures. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
