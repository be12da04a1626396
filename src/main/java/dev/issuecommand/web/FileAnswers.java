package dev.issuecommand.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/** Answers a GET with a {@link ClasspathFile}: 304 when the client's copy is current, else the file and its ETag. */
public final class FileAnswers {

    private FileAnswers() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, ClasspathFile file) throws IOException {
        response.setHeader("ETag", file.etag());
        // the files change with the build, not with time: clients keep them and ask again with If-None-Match
        response.setHeader("Cache-Control", "no-cache");
        if (isCurrent(request.getHeader("If-None-Match"), file.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.length());
        try (InputStream content = file.open()) {
            content.transferTo(response.getOutputStream());
        }
    }

    /** True when {@code ifNoneMatch} lists {@code etag} (weak or strong) or is {@code *}. */
    static boolean isCurrent(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
