package dev.issuecommand.demo.entity;

import java.util.List;

/**
 * A repository of the demo's stand-in GitHub, with the issues it starts with and the titles of the issues that
 * appear while the demo runs.
 */
public record DemoRepo(String fullName, long id, String description, List<Seed> issues, List<Seed> later) {

    /** An issue's title, labels and (optional) milestone and comment. */
    public record Seed(String title, List<String> labels, String milestone, String comment) {

        public static Seed of(String title, String... labels) {
            return new Seed(title, List.of(labels), null, null);
        }

        public Seed inMilestone(String title) {
            return new Seed(this.title, labels, title, comment);
        }

        public Seed commented(String text) {
            return new Seed(title, labels, milestone, text);
        }
    }
}
