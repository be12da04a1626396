package dev.issuecommand.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Compares bearer tokens in constant time, and names principals by a hash so no token is ever kept as a key. */
public final class ApiKey {

    private ApiKey() {
    }

    /** True when {@code authorizationHeader} is exactly {@code Bearer <apiKey>}. */
    public static boolean matches(String authorizationHeader, String apiKey) {
        if (authorizationHeader == null || apiKey == null || apiKey.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(authorizationHeader), sha256("Bearer " + apiKey));
    }

    /** A stable, non-reversible key for the principal behind {@code authorizationHeader}. */
    public static String principalKey(String authorizationHeader) {
        return HexFormat.of().formatHex(sha256(authorizationHeader), 0, 16);
    }

    /** The SHA-256 of {@code text} (UTF-8) as lower-case hex: how agent keys are kept. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
