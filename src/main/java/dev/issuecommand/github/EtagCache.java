package dev.issuecommand.github;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers each URL's last {@code ETag} and body, so a repeated GET can be answered by a free {@code 304}
 * (docs/behaviour.md §6). Bounded by entry count and by total body size; the least recently used entries go first.
 */
@ApplicationScoped
public class EtagCache {

    private static final int MAX_ENTRIES = 2_000;
    private static final long MAX_CHARS = 24L * 1024 * 1024;

    /** A cached answer. */
    public record Entry(String etag, String body, String nextLink) {

        long size() {
            return (body == null ? 0 : body.length()) + etag.length();
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;

    public synchronized Optional<Entry> lookup(String url) {
        return Optional.ofNullable(entries.get(url));
    }

    public synchronized void store(String url, Entry entry) {
        if (entry.size() > MAX_CHARS / 4) {
            return;
        }
        Entry old = entries.put(url, entry);
        chars += entry.size() - (old == null ? 0 : old.size());
        Iterator<Entry> eldest = entries.values().iterator();
        while ((entries.size() > MAX_ENTRIES || chars > MAX_CHARS) && eldest.hasNext()) {
            chars -= eldest.next().size();
            eldest.remove();
        }
    }
}
