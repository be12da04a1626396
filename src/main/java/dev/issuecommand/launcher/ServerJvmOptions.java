package dev.issuecommand.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JVM options a server process runs with when whoever started it chose no heap size: {@code SERVER_JAVA_OPTIONS},
 * else a small footprint (a heap that starts at 64 MB and grows only as far as the load needs, up to 256 MB; the serial
 * collector; small thread stacks and code cache; the native heap given back to the system every 5 s where the JDK
 * can; C2 kept away from code that only runs while Liberty starts, {@link StartOnlyCode}), plus
 * {@code MALLOC_ARENA_MAX=2} in its environment. The
 * stdio front gives them to the background server it starts; the launcher gives them to the server JVM it starts for
 * a plain {@code java -jar} ({@link TunedJvm}).
 */
public final class ServerJvmOptions {

    /**
     * Asks the JVM to hand native memory it freed back to the system every 5 s (glibc keeps it otherwise). The flag was
     * experimental in its first releases, hence the unlock, which changes nothing else.
     */
    static final List<String> NATIVE_HEAP_TRIM = List.of("-XX:+UnlockExperimentalVMOptions",
            "-XX:TrimNativeHeapInterval=5000");

    /** The options when {@code SERVER_JAVA_OPTIONS} is unset, for the JDK this process runs on (the server's too). */
    public static final List<String> DEFAULTS = defaults(Runtime.version(), System.getProperty("os.name"));

    /**
     * Set in a server JVM's environment unless already there: glibc gives each thread that allocates natively an arena
     * of its own, up to eight per core, and Liberty's threads keep tens of MB in them.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private ServerJvmOptions() {
    }

    /** The default options for a server JVM of version {@code java} on the operating system {@code os}. */
    static List<String> defaults(Runtime.Version java, String os) {
        List<String> options = new ArrayList<>(List.of("-Xms64m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
                "-XX:ReservedCodeCacheSize=64m"));
        if (trimsNativeHeap(java, os)) {
            options.addAll(NATIVE_HEAP_TRIM);
        }
        options.addAll(StartOnlyCode.compileCommandOptions());
        return List.copyOf(options);
    }

    /**
     * {@code -XX:TrimNativeHeapInterval} came with JDK 17.0.9, 21.0.1 and 22 (an older JVM refuses to start with it)
     * and trims only on Linux (elsewhere the JVM warns and ignores it).
     */
    static boolean trimsNativeHeap(Runtime.Version java, String os) {
        boolean known = java.feature() >= 22 || java.feature() == 21 && java.update() >= 1
                || java.feature() == 17 && java.update() >= 9;
        return known && "Linux".equals(os);
    }

    /** {@code environment} with {@link #ENVIRONMENT}'s variables that it does not set already. */
    public static void tune(Map<String, String> environment) {
        ENVIRONMENT.forEach(environment::putIfAbsent);
    }

    /** {@code SERVER_JAVA_OPTIONS} split on white space, or {@link #DEFAULTS} when it is unset or blank. */
    public static List<String> from(Function<String, String> lookup) {
        String configured = lookup.apply("SERVER_JAVA_OPTIONS");
        if (configured == null || configured.isBlank()) {
            return DEFAULTS;
        }
        return Arrays.stream(configured.strip().split("\\s+")).toList();
    }

    /**
     * {@code chosen} followed by those of {@code own} the caller did not choose an option of the same kind for (a
     * collector, a heap or stack size, the same {@code -XX} flag): what the caller gave always wins, and two
     * collectors never meet on one command line.
     */
    static List<String> merge(List<String> own, List<String> chosen) {
        Set<String> chosenKinds = chosen.stream().map(ServerJvmOptions::kind).collect(Collectors.toSet());
        List<String> merged = new ArrayList<>();
        own.stream().filter(option -> !chosenKinds.contains(kind(option))).forEach(merged::add);
        merged.addAll(chosen);
        return merged;
    }

    /** What an option sets: "gc" for a collector choice, else its name without value or +/- sign. */
    static String kind(String option) {
        if (option.matches("-XX:[+-]Use\\w*GC")) {
            return "gc";
        }
        if (option.matches("-X(mx|ms|ss|mn)\\S*")) {
            return option.substring(0, 4);
        }
        if (option.startsWith("-XX:")) {
            String flag = option.substring(4).replaceFirst("^[+-]", "");
            int equals = flag.indexOf('=');
            return "-XX:" + (equals < 0 ? flag : flag.substring(0, equals)).toLowerCase(Locale.ROOT);
        }
        int equals = option.indexOf('=');
        return equals < 0 ? option : option.substring(0, equals + 1);
    }
}
