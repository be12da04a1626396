package dev.issuecommand.claims.entity;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A status transition table, declared one status at a time; a status declared with no targets is terminal. */
public final class Transitions<S extends Enum<S>> {

    private final Map<S, Set<S>> allowed;
    private final Class<S> type;
    private final Function<S, String> wire;

    public Transitions(Class<S> type, Function<S, String> wire) {
        this.allowed = new EnumMap<>(type);
        this.type = type;
        this.wire = wire;
    }

    /** Declares the statuses reachable from {@code status}. */
    @SafeVarargs
    public final Transitions<S> from(S status, S... targets) {
        Set<S> set = EnumSet.noneOf(type);
        set.addAll(Arrays.asList(targets));
        allowed.put(status, set);
        return this;
    }

    public boolean allows(S from, S to) {
        return allowed.get(from).contains(to);
    }

    /** The statuses reachable from {@code from} by wire name, sorted, for messages: "none (terminal)" when none. */
    public String describeFrom(S from) {
        String names = String.join(", ", allowed.get(from).stream().map(wire).sorted().toList());
        return names.isEmpty() ? "none (terminal)" : names;
    }
}
