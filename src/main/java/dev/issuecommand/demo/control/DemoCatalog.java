package dev.issuecommand.demo.control;

import dev.issuecommand.demo.entity.DemoRepo;
import dev.issuecommand.demo.entity.DemoRepo.Seed;
import java.util.List;

/** The demo's three repositories and their issues: realistic titles, the priority labels {@code next_issue} knows. */
final class DemoCatalog {

    static final String OWNER = "demo-org";
    static final String MILESTONE = "v2.4";

    static final List<DemoRepo> REPOS = List.of(
            new DemoRepo(OWNER + "/api", 910_001, "REST API of the demo shop", List.of(
                    Seed.of("Rate limiter lets bursts through after a restart", "P0", "bug")
                            .commented("Seen in production twice this week; the bucket starts full on boot."),
                    Seed.of("Pagination cursor breaks on orders with equal timestamps", "priority:high", "bug")
                            .inMilestone(MILESTONE),
                    Seed.of("Return 422 instead of 500 for an unknown currency code", "p1", "bug"),
                    Seed.of("Add ETag support to GET /orders", "enhancement").inMilestone(MILESTONE),
                    Seed.of("Log the request id in every error response", "enhancement"),
                    Seed.of("Webhook retries ignore the Retry-After header", "bug"),
                    Seed.of("Upgrade the JSON library to the latest patch release", "dependencies"),
                    Seed.of("Expose order totals in the admin export", "enhancement")),
                    List.of(Seed.of("Slow query on /customers with many addresses", "p1", "performance"),
                            Seed.of("Deleting a product leaves orphaned images", "bug"),
                            Seed.of("Support If-Match on PATCH /orders/{id}", "enhancement"),
                            Seed.of("Refund endpoint double-counts partial refunds", "P0", "bug"))),
            new DemoRepo(OWNER + "/web", 910_002, "Web shop front end", List.of(
                    Seed.of("Checkout button stays disabled after a failed payment", "P0", "bug")
                            .commented("Reproducible with the test card 4000 0000 0000 0002."),
                    Seed.of("Keyboard trap in the newsletter dialog", "priority:high", "accessibility"),
                    Seed.of("Secondary buttons lack contrast in dark mode", "p1", "accessibility"),
                    Seed.of("Search box loses focus when results load", "bug").inMilestone(MILESTONE),
                    Seed.of("Show a spinner while the cart is saving", "enhancement", "good first issue"),
                    Seed.of("Date picker starts the week on Sunday for en-GB", "bug"),
                    Seed.of("Lazy-load product images below the fold", "performance")),
                    List.of(Seed.of("Cart badge is off by one after removing an item", "p1", "bug"),
                            Seed.of("Footer links overlap on small screens", "bug"),
                            Seed.of("Remember the last shipping address", "enhancement"))),
            new DemoRepo(OWNER + "/docs", 910_003, "User and developer documentation", List.of(
                    Seed.of("Quick start misses the database migration step", "priority:high", "documentation")
                            .commented("New contributors hit this on day one."),
                    Seed.of("Document the webhook signature check", "documentation").inMilestone(MILESTONE),
                    Seed.of("Broken links in the API reference sidebar", "p1", "documentation"),
                    Seed.of("Add a troubleshooting page for 401 answers", "documentation", "good first issue"),
                    Seed.of("Explain the rate limits with a worked example", "documentation"),
                    Seed.of("Screenshots in the admin guide are outdated", "documentation")),
                    List.of(Seed.of("Add a glossary of order states", "documentation"),
                            Seed.of("Typo in the authentication guide", "documentation", "good first issue"),
                            Seed.of("Describe the columns of the CSV export", "p1", "documentation"))));

    /** Who opens the demo's issues and comments on them. */
    static final List<String> PEOPLE = List.of("octo-sam", "maria-qa", "devon-ops", "lee-support");

    private DemoCatalog() {
    }
}
