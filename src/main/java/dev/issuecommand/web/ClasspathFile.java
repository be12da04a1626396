package dev.issuecommand.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** A file of the application's class path as it is served: where it is, its media type, size and strong ETag. */
public record ClasspathFile(URL location, String contentType, long length, String etag) {

    /** Reads {@code location} once for its size and ETag (a SHA-256 prefix of the content); keeps no content. */
    public static ClasspathFile read(URL location, String contentType) throws IOException {
        MessageDigest digest = sha256();
        long length = 0;
        byte[] buffer = new byte[16 * 1024];
        try (InputStream content = location.openStream()) {
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                digest.update(buffer, 0, n);
                length += n;
            }
        }
        String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest.digest(), 16));
        return new ClasspathFile(location, contentType, length, '"' + tag + '"');
    }

    public InputStream open() throws IOException {
        return location.openStream();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
