package dev.issuecommand.dashboard;

import static dev.issuecommand.dashboard.DashboardPage.card;
import static dev.issuecommand.dashboard.DashboardPage.cardIn;
import static dev.issuecommand.dashboard.DashboardPage.followup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithOwnServer;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operator dashboard in a real headless Chromium against the real server: what an operator sees and can do,
 * and what the page refuses (a wrong key, markup in GitHub text, a request without the CSRF token). One server of its
 * own (a board with only this class's claims) and one browser for the class. The overview runs first only so that
 * its screenshot ({@code target/screenshots/board.png}) shows a tidy board; no test needs another's leftovers.
 */
@WithOwnServer(settings = "GITHUB_WEBHOOK_SECRET=" + DashboardBrowserIT.WEBHOOK_SECRET)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    static final String WEBHOOK_SECRET = "dashboard-webhook-secret";
    static final String OPERATOR = "alice";

    static ChromeDriver driver;
    static DashboardPage page;
    static Api api;
    static FakeGitHub github;
    static WebhookSender hooks;

    @BeforeAll
    static void start(TestServer server) {
        github = server.github();
        github.addIssue("acme/web-shop", 101, "Checkout button does nothing on Safari", "bug");
        github.addIssue("acme/web-shop", 102, "Add dark mode to the settings page");
        github.addIssue("acme/web-shop", 103, "Cart total ignores discounts");
        github.addIssue("acme/payments", 201, "Retry failed webhooks from Stripe");
        github.addIssue("acme/payments", 202, "Currency rounding in refunds");
        github.addIssue("acme/payments", 203, "Flaky test in the ledger export");
        github.addIssue("acme/docs", 301, "Document the rate limits");
        api = server.api();
        hooks = new WebhookSender(api, "/api/webhooks/github", WEBHOOK_SECRET);
        driver = HeadlessChromium.start();
        page = new DashboardPage(driver, api.base());
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static DashboardPage signedIn(String query) {
        return page.openSignedIn(query, ServerProcess.API_KEY, OPERATOR);
    }

    private static void move(String claimId, String agent, String status, String prUrl) {
        Map<String, Object> body = prUrl == null ? Map.of("agent_id", agent, "status", status)
                : Map.of("agent_id", agent, "status", status, "pr_url", prUrl);
        Api.Answer answer = api.patch("/api/claims/" + claimId, body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    }

    private static String changesRequested(String repo, int pr) {
        Api.Answer answer = hooks.send("pull_request_review",
                WebhookPayloads.changesRequested(repo, pr, "Please handle the empty cart case"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        return answer.json().get("work_item_id").asText();
    }

    private static JsonNode claim(String claimId) {
        return api.get("/api/claims/" + claimId).json().get("claim");
    }

    @Test
    @Order(1)
    void theBoardShowsEachClaimInTheColumnOfItsStatusWithTheFollowupsAgentsAndCharts() {
        String claimed = api.claimId("claude-code-1", "acme/web-shop", 101);
        String working = api.claimId("codex-2", "acme/payments", 201);
        String pr = api.claimId("claude-code-3", "acme/web-shop", 102);
        String merged = api.claimId("aider-4", "acme/payments", 202);
        String done = api.claimId("codex-2", "acme/payments", 203);
        move(working, "codex-2", "in_progress", null);
        move(pr, "claude-code-3", "in_progress", null);
        move(pr, "claude-code-3", "pr_submitted", "https://github.com/acme/web-shop/pull/140");
        move(merged, "aider-4", "in_progress", null);
        move(merged, "aider-4", "pr_submitted", "https://github.com/acme/payments/pull/77");
        move(merged, "aider-4", "pr_merged", null);
        move(done, "codex-2", "in_progress", null);
        move(done, "codex-2", "pr_submitted", "https://github.com/acme/payments/pull/78");
        move(done, "codex-2", "pr_merged", null);
        move(done, "codex-2", "closed", null);
        String followup = changesRequested("acme/web-shop", 140);

        signedIn("");
        WebElement card = page.cardShownIn("pr_submitted", pr);
        page.cardShownIn("claimed", claimed);
        page.cardShownIn("in_progress", working);
        page.cardShownIn("pr_merged", merged);
        assertThat(page.all(card(done))).as("a closed claim has left the board").isEmpty();
        assertThat(card.findElement(By.className("card-issue")).getText()).isEqualTo("acme/web-shop#102");
        assertThat(card.findElement(By.className("card-issue")).getAttribute("href"))
                .isEqualTo("https://github.com/acme/web-shop/issues/102");
        assertThat(card.findElement(By.className("card-title")).getText()).isEqualTo("Add dark mode to the settings page");
        assertThat(card.findElement(By.className("card-agent")).getText()).contains("claude-code-3");
        assertThat(card.findElement(By.className("card-in-status")).getText()).isEqualTo("for under a minute");
        assertThat(card.findElement(By.className("card-activity")).getText()).isEqualTo("just now");
        assertThat(card.findElement(By.className("card-stale-in")).getText()).startsWith("stale in 1 h 59 min");
        WebElement prLink = card.findElement(By.cssSelector("a.card-pr"));
        assertThat(prLink.getAttribute("href")).isEqualTo("https://github.com/acme/web-shop/pull/140");
        assertThat(prLink.getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(prLink.getAttribute("target")).isEqualTo("_blank");
        assertThat(page.text(By.cssSelector("[data-column='pr_merged'] .count"))).isEqualTo("1");

        WebElement row = page.await(ExpectedConditions.visibilityOfElementLocated(followup(followup)));
        assertThat(row.findElement(By.className("fu-type")).getText()).isEqualTo("Changes requested");
        assertThat(row.findElement(By.cssSelector("a.fu-pr")).getAttribute("href"))
                .isEqualTo("https://github.com/acme/web-shop/pull/140");
        assertThat(row.findElement(By.className("fu-holder")).getText()).isEqualTo("—");
        WebElement agent = page.await(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#agents tr[data-agent-id='codex-2']")));
        assertThat(agent.findElement(By.className("ag-claims")).getText()).isEqualTo("1");
        assertThat(agent.findElement(By.className("ag-finished")).getText()).isEqualTo("1");
        assertThat(page.all(By.cssSelector("#chart-finished svg rect.bar-closed"))).hasSize(24);
        assertThat(page.all(By.cssSelector("#chart-durations table.visually-hidden tbody tr"))).hasSize(7);
        HeadlessChromium.screenshot(driver, "board");
    }

    @Test
    @Order(2)
    void aWrongKeyIsRefusedAndTheRightOneShowsTheBoardAndTheOperator() {
        driver.manage().deleteAllCookies();
        page.open("");
        assertThat(driver.findElement(By.id("app")).isDisplayed()).isFalse();
        page.signIn("not-the-key", OPERATOR);
        page.await(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        assertThat(page.text(By.id("signin-error"))).isEqualTo("That key is not right.");
        assertThat(driver.findElement(By.id("app")).isDisplayed()).isFalse();

        page.signIn(ServerProcess.API_KEY, "bob");
        page.await(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
        assertThat(page.text(By.id("operator-name"))).isEqualTo("bob");
        assertThat(driver.findElement(By.id("signin")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("demo-banner")).isDisplayed()).isFalse();
        page.await(ExpectedConditions.textToBe(By.id("connection"), "live"));
    }

    @Test
    void aClaimMadeByAnAgentAppearsLiveAndMovesColumnsWithItsStatus() {
        signedIn("");
        String claimId = api.claimId("ui-live-agent", "acme/docs", 301);
        page.cardShownIn("claimed", claimId);
        page.await(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ol[@id='events']/li[span[.='claim.created'] and span[.='acme/docs#301']]")));

        move(claimId, "ui-live-agent", "in_progress", null);
        page.cardShownIn("in_progress", claimId);
        assertThat(page.all(cardIn("claimed", claimId))).isEmpty();
    }

    @Test
    void anOperatorReleasesAClaimWithAReasonThatItsHistoryKeeps() {
        github.addIssue("acme/docs", 310, "Explain the follow-up queue");
        String claimId = api.claimId("ui-release-agent", "acme/docs", 310);
        signedIn("");
        WebElement release = page.cardShownIn("claimed", claimId).findElement(By.className("release"));
        release.click();
        WebElement dialog = page.await(ExpectedConditions.visibilityOfElementLocated(By.id("release-dialog")));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("release-reason");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        page.await(ExpectedConditions.invisibilityOf(dialog));
        assertThat(driver.switchTo().activeElement()).as("focus back on the button").isEqualTo(release);

        release.sendKeys(Keys.ENTER);
        page.await(ExpectedConditions.visibilityOf(dialog));
        driver.findElement(By.id("release-confirm")).click();
        assertThat(page.await(ExpectedConditions.visibilityOfElementLocated(By.id("release-error"))).getText())
                .contains("reason");
        assertThat(dialog.isDisplayed()).isTrue();
        assertThat(claim(claimId).get("status").asText()).isEqualTo("claimed");

        driver.findElement(By.id("release-reason")).sendKeys("Agent is looping on the same test");
        driver.findElement(By.id("release-confirm")).click();
        page.await(ExpectedConditions.invisibilityOf(dialog));
        page.await(ExpectedConditions.invisibilityOfElementLocated(card(claimId)));

        JsonNode released = claim(claimId);
        assertThat(released.get("status").asText()).isEqualTo("released");
        JsonNode last = released.get("status_history").get(released.get("status_history").size() - 1);
        assertThat(last.get("status").asText()).isEqualTo("released");
        assertThat(last.get("actor").asText()).isEqualTo("operator:" + OPERATOR);
        assertThat(last.get("note").asText()).isEqualTo("Agent is looping on the same test");
    }

    @Test
    void aFollowupQueuedByAWebhookAppearsAndTheOperatorRequeuesAndDismissesIt() {
        signedIn("");
        String workItem = changesRequested("acme/payments", 88);
        WebElement row = page.await(ExpectedConditions.visibilityOfElementLocated(followup(workItem)));
        assertThat(row.findElement(By.className("fu-pr")).getText()).isEqualTo("acme/payments#88");
        assertThat(row.findElement(By.className("fu-age")).getText()).isEqualTo("under a minute");
        Api.Answer taken = api.patch("/api/followups/" + workItem,
                Map.of("agent_id", "ui-followup-agent", "status", "in_progress"));
        assertThat(taken.status()).as(taken.text()).isEqualTo(200);
        page.await(ExpectedConditions.textToBe(By.cssSelector(
                "tr[data-work-item-id='" + workItem + "'] .fu-holder"), "ui-followup-agent"));

        driver.findElement(followup(workItem)).findElement(By.className("requeue")).click();
        WebElement dialog = page.await(ExpectedConditions.visibilityOfElementLocated(By.id("followup-dialog")));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("followup-reason");
        driver.findElement(By.id("followup-confirm")).click();
        page.await(ExpectedConditions.invisibilityOf(dialog));
        page.await(ExpectedConditions.textToBe(By.cssSelector(
                "tr[data-work-item-id='" + workItem + "'] .fu-holder"), "—"));
        JsonNode requeued = api.get("/api/followups/" + workItem).json().get("work_item");
        assertThat(requeued.get("status").asText()).isEqualTo("queued");
        assertThat(requeued.has("claimed_by_agent_id")).isFalse();

        driver.findElement(followup(workItem)).findElement(By.className("dismiss")).click();
        page.await(ExpectedConditions.visibilityOf(dialog));
        driver.findElement(By.id("followup-reason")).sendKeys("Fixed by hand");
        driver.findElement(By.id("followup-confirm")).click();
        page.await(ExpectedConditions.invisibilityOfElementLocated(followup(workItem)));
        JsonNode dismissed = api.get("/api/followups/" + workItem).json().get("work_item");
        assertThat(dismissed.get("status").asText()).isEqualTo("dismissed");
        assertThat(dismissed.get("dismiss_reason").asText()).isEqualTo("Fixed by hand");
    }

    @Test
    void syncNowAsksFirstAndReportsWhatTheSyncDid() {
        signedIn("");
        driver.findElement(By.id("sync-now")).click();
        WebElement dialog = page.await(ExpectedConditions.visibilityOfElementLocated(By.id("sync-dialog")));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("sync-confirm");
        driver.findElement(By.id("sync-confirm")).click();
        page.await(ExpectedConditions.invisibilityOf(dialog));
        assertThat(page.await(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .startsWith("Sync finished: ").containsPattern("repos scanned \\d+");
    }

    @Test
    void markupInAnIssueTitleIsShownAsTextAndNeverRuns() {
        String hostile = "<img src=x onerror=alert(1)>";
        github.addIssue("acme/docs", 320, hostile);
        String claimId = api.claimId("ui-hostile-agent", "acme/docs", 320);
        signedIn("");
        WebElement card = page.cardShownIn("claimed", claimId);
        assertThat(card.findElement(By.className("card-title")).getText()).isEqualTo(hostile);
        assertThat(page.all(By.cssSelector("img[src='x']"))).isEmpty();
        assertThat(page.all(By.cssSelector("img"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aStateChangeWithoutTheRightCsrfTokenIsRefusedAndChangesNothing() {
        github.addIssue("acme/docs", 330, "Translate the README");
        String claimId = api.claimId("ui-csrf-agent", "acme/docs", 330);
        SignedInOperator operator = SignedInOperator.signIn(api, "mallory");
        String path = "/ui/api/claims/" + claimId + "/release";
        Map<String, String> body = Map.of("reason", "forged");

        Api.Answer without = operator.send("POST", path, body, Map.of());
        Api.Answer wrong = operator.send("POST", path, body, Map.of("X-CSRF-Token", operator.csrfToken + "x"));
        assertThat(List.of(without.status(), wrong.status())).containsExactly(403, 403);
        assertThat(without.json().get("error").asText()).isEqualTo("csrf");
        assertThat(wrong.json().get("error").asText()).isEqualTo("csrf");
        assertThat(claim(claimId).get("status").asText()).isEqualTo("claimed");

        Api.Answer right = operator.post(path, Map.of("reason", "with the token"));
        assertThat(right.status()).as(right.text()).isEqualTo(200);
        assertThat(claim(claimId).get("status").asText()).isEqualTo("released");
    }

    @Test
    void thePageComesWithItsSecurityHeadersAndBreaksNoneOfItsRules() {
        Api.Answer answer = api.getPublic("/ui/", "text/html");
        assertThat(answer.status()).isEqualTo(200);
        var headers = answer.raw().headers();
        Map<String, String> policy = Arrays.stream(headers.firstValue("Content-Security-Policy").orElseThrow().split(";"))
                .map(String::trim).filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split(" ", 2)[0], d -> d.split(" ", 2)[1]));
        assertThat(policy).containsAllEntriesOf(Map.of("default-src", "'none'", "script-src", "'self'",
                "style-src", "'self'", "img-src", "'self' data:", "connect-src", "'self'", "font-src", "'self'",
                "form-action", "'self'", "frame-ancestors", "'none'", "base-uri", "'none'"));
        assertThat(policy.values()).noneMatch(sources -> sources.contains("unsafe") || sources.contains("*"));
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");

        driver.manage().logs().get(LogType.BROWSER);
        signedIn("");
        page.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chart-finished svg")));
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(violations).isEmpty();
    }

    @Test
    void signingOutShowsTheFormAndEndsTheSessionOnTheServer() {
        signedIn("");
        Cookie cookie = driver.manage().getCookieNamed("ic_session");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        Map<String, String> oldCookie = Map.of("Cookie", cookie.getName() + "=" + cookie.getValue());
        assertThat(api.sendWith("GET", "/ui/api/state", null, oldCookie).status()).isEqualTo(200);

        driver.findElement(By.id("signout")).click();
        page.await(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        assertThat(driver.findElement(By.id("app")).isDisplayed()).isFalse();
        Api.Answer after = api.sendWith("GET", "/ui/api/state", null, oldCookie);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("error").asText()).isEqualTo("not_signed_in");
    }

    @Test
    void withoutSigningInTheStateIsRefused() {
        Api.Answer answer = api.getPublic("/ui/api/state", "application/json");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("not_signed_in");
    }

    @Test
    void filtersLiveInTheUrlAndSurviveAReload() {
        github.addIssue("acme/filter-a", 1, "Only in filter-a");
        github.addIssue("acme/filter-b", 1, "Only in filter-b");
        String a = api.claimId("ui-filter-agent", "acme/filter-a", 1);
        String b = api.claimId("ui-filter-agent", "acme/filter-b", 1);
        signedIn("");
        page.cardShownIn("claimed", b);
        page.await(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#filter-repo option[value='acme/filter-a']")));
        page.select("filter-repo").selectByValue("acme/filter-a");
        page.await(ExpectedConditions.invisibilityOfElementLocated(card(b)));
        page.cardShownIn("claimed", a);
        assertThat(driver.getCurrentUrl()).endsWith("/ui/?repo=acme%2Ffilter-a");

        driver.navigate().refresh();
        page.cardShownIn("claimed", a);
        assertThat(page.select("filter-repo").getFirstSelectedOption().getAttribute("value")).isEqualTo("acme/filter-a");
        assertThat(page.all(card(b))).isEmpty();

        signedIn("?agent=nobody-at-all");
        assertThat(page.select("filter-agent").getFirstSelectedOption().getAttribute("value")).isEqualTo("nobody-at-all");
        page.await(ExpectedConditions.textToBe(By.cssSelector("[data-column='claimed'] .count"), "0"));
    }

    @Test
    void atPhoneWidthTheColumnsStackAndNothingSpillsSideways() {
        github.addIssue("acme/docs", 340, "Screenshots for the phone layout");
        String claimId = api.claimId("ui-phone-agent", "acme/docs", 340);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            signedIn("");
            page.cardShownIn("claimed", claimId);
            assertThat(page.script("window.innerWidth")).isEqualTo(390L);
            WebElement claimed = driver.findElement(By.cssSelector("[data-column='claimed']"));
            WebElement inProgress = driver.findElement(By.cssSelector("[data-column='in_progress']"));
            assertThat(inProgress.getRect().getX()).isEqualTo(claimed.getRect().getX());
            assertThat(inProgress.getRect().getY()).isGreaterThan(claimed.getRect().getY());
            assertThat((Long) page.script("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            HeadlessChromium.screenshot(driver, "phone");
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
