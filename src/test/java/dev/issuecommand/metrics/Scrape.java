package dev.issuecommand.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One scrape of {@code /metrics} in Prometheus text format: sample name and labels (mp_scope left out) to value, and
 * each sample name to the {@code mp_scope} values its series carry.
 */
record Scrape(Map<String, Double> samples, Map<String, Set<String>> scopes, String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        Map<String, Set<String>> scopes = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            Matcher l = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
            String scope = "";
            while (l.find()) {
                if (l.group(1).equals("mp_scope")) {
                    scope = l.group(2);
                } else {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.put(key(m.group(1), labels), Double.parseDouble(m.group(3)));
            scopes.computeIfAbsent(m.group(1), name -> new TreeSet<>()).add(scope);
        }
        return new Scrape(samples, scopes, text);
    }

    /** The sample names that start with {@code prefix}. */
    Set<String> names(String prefix) {
        return scopes.keySet().stream().filter(name -> name.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The {@code mp_scope} values of every series of {@code name} ({@code ""} for a series without one). */
    Set<String> scopesOf(String name) {
        return scopes.getOrDefault(name, Set.of());
    }

    /** The value of {@code name} with the labels {@code k1, v1, k2, v2…}; 0 when the series is absent. */
    double value(String name, String... labels) {
        return samples.getOrDefault(key(name, labels), 0.0);
    }

    boolean has(String name, String... labels) {
        return samples.containsKey(key(name, labels));
    }

    private static String key(String name, String... pairs) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return key(name, labels);
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public String toString() {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith("issuecommand_"))
                .collect(Collectors.joining("\n"));
    }
}
