package dev.issuecommand.demo.control;

import dev.issuecommand.demo.entity.DemoComment;
import dev.issuecommand.demo.entity.DemoIssue;
import dev.issuecommand.demo.entity.DemoRepo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The issues of the demo's three repositories, in memory: about twenty open at the start, a new one every minute
 * (sooner when few are left), closed when their work is done. Issue and pull request numbers share one counter per
 * repository, as on GitHub. Safe for concurrent use.
 */
public class DemoBacklog {

    /** How often a new issue appears. */
    static final Duration NEW_ISSUE_EVERY = Duration.ofMinutes(1);
    /** Below this many open issues a new one appears at once. */
    static final int LOW_WATER = 6;
    private static final int FIRST_NUMBER = 101;

    private final Map<String, Shelf> shelves = new LinkedHashMap<>();
    private Instant lastAdded;
    private int added;

    /** The catalog's issues, opened over the days before {@code now}. */
    public DemoBacklog(Instant now) {
        lastAdded = now;
        for (DemoRepo repo : DemoCatalog.REPOS) {
            Shelf shelf = new Shelf(repo);
            shelves.put(key(repo.fullName()), shelf);
            List<DemoRepo.Seed> seeds = repo.issues();
            for (int i = 0; i < seeds.size(); i++) {
                shelf.open(seeds.get(i), now.minus(Duration.ofHours(6L * (seeds.size() - i) + 3)));
            }
        }
    }

    public synchronized List<DemoRepo> repos() {
        return shelves.values().stream().map(Shelf::repo).toList();
    }

    public synchronized Optional<DemoRepo> repo(String fullName) {
        return Optional.ofNullable(shelves.get(key(fullName))).map(Shelf::repo);
    }

    public synchronized Optional<DemoIssue> issue(String repo, int number) {
        return Optional.ofNullable(shelves.get(key(repo))).map(shelf -> shelf.issues.get(number));
    }

    /** Open issues of {@code repo}, lowest number first; empty for a repository the demo does not have. */
    public synchronized List<DemoIssue> open(String repo) {
        Shelf shelf = shelves.get(key(repo));
        return shelf == null ? List.of() : shelf.issues.values().stream().filter(DemoIssue::open).toList();
    }

    /** Closes an issue (a merged pull request or {@code PATCH state=closed}); false when there is no such issue. */
    public synchronized boolean close(String repo, int number, Instant at) {
        Shelf shelf = shelves.get(key(repo));
        DemoIssue issue = shelf == null ? null : shelf.issues.get(number);
        if (issue == null) {
            return false;
        }
        if (issue.open()) {
            shelf.issues.put(number, issue.closed(at));
        }
        return true;
    }

    /** A number for a new pull request of {@code repo}. */
    public synchronized int pullRequest(String repo) {
        return shelves.get(key(repo)).nextNumber++;
    }

    /** Opens a new issue when one is due at {@code now}; answers it, or empty when none was due. */
    public synchronized Optional<DemoIssue> grow(Instant now) {
        int open = shelves.values().stream().mapToInt(s -> (int) s.issues.values().stream().filter(DemoIssue::open)
                .count()).sum();
        if (open >= LOW_WATER && Duration.between(lastAdded, now).compareTo(NEW_ISSUE_EVERY) < 0) {
            return Optional.empty();
        }
        lastAdded = now;
        Shelf shelf = new ArrayList<>(shelves.values()).get(added % shelves.size());
        List<DemoRepo.Seed> later = shelf.repo().later();
        DemoRepo.Seed seed = later.get((added / shelves.size()) % later.size());
        added++;
        return Optional.of(shelf.open(seed, now));
    }

    private static String key(String fullName) {
        return fullName.toLowerCase(Locale.ROOT);
    }

    /** One repository's issues by number. */
    private static final class Shelf {

        private final DemoRepo repo;
        private final Map<Integer, DemoIssue> issues = new LinkedHashMap<>();
        private int nextNumber = FIRST_NUMBER;

        Shelf(DemoRepo repo) {
            this.repo = repo;
        }

        DemoRepo repo() {
            return repo;
        }

        DemoIssue open(DemoRepo.Seed seed, Instant at) {
            int number = nextNumber++;
            String author = DemoCatalog.PEOPLE.get(number % DemoCatalog.PEOPLE.size());
            List<DemoComment> comments = seed.comment() == null ? List.of()
                    : List.of(new DemoComment(repo.id() * 1000 + number, DemoCatalog.PEOPLE.get((number + 1)
                            % DemoCatalog.PEOPLE.size()), seed.comment(), at.plus(Duration.ofMinutes(40))));
            DemoIssue issue = new DemoIssue(repo.fullName(), number, seed.title(),
                    "Seen on " + repo.fullName() + ". " + seed.title() + ".", seed.labels(), seed.milestone(), author,
                    at, null, comments);
            issues.put(number, issue);
            return issue;
        }
    }
}
