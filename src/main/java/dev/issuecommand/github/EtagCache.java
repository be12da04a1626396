package dev.issuecommand.github;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Remembers each URL's last {@code ETag} and body, so a repeated GET can be answered by a free {@code 304} (SPEC §6). */
@ApplicationScoped
public class EtagCache {

    private static final int MAX_ENTRIES = 2_000;

    /** A cached answer. */
    public record Entry(String etag, String body, String nextLink) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public synchronized Optional<Entry> lookup(String url) {
        return Optional.ofNullable(entries.get(url));
    }

    public synchronized void store(String url, Entry entry) {
        entries.put(url, entry);
    }
}
