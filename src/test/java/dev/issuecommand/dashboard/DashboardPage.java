package dev.issuecommand.dashboard;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard as the browser shows it, found by the ids, classes and data attributes the page keeps stable for it. */
final class DashboardPage {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    final ChromeDriver driver;
    private final String base;

    DashboardPage(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Loads {@code /ui/} with {@code query} (empty or {@code ?…}) and waits for either the form or the app. */
    DashboardPage open(String query) {
        driver.get(base + "/ui/" + query);
        await(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("signin")),
                ExpectedConditions.visibilityOfElementLocated(By.id("app"))));
        return this;
    }

    /**
     * Opens the page signed in as {@code name}, signing in through the form when there is no session (or signing out
     * first when it is someone else's), and waits until the live stream is connected.
     */
    DashboardPage openSignedIn(String query, String key, String name) {
        open(query);
        if (driver.findElement(By.id("app")).isDisplayed()
                && !name.equals(driver.findElement(By.id("operator-name")).getText())) {
            driver.findElement(By.id("signout")).click();
            await(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        }
        if (driver.findElement(By.id("signin")).isDisplayed()) {
            signIn(key, name);
            await(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
        }
        await(ExpectedConditions.textToBe(By.id("connection"), "live"));
        return this;
    }

    /** Fills in the sign-in form and submits it. */
    void signIn(String key, String name) {
        WebElement keyField = driver.findElement(By.id("signin-key"));
        keyField.clear();
        keyField.sendKeys(key);
        WebElement nameField = driver.findElement(By.id("signin-name"));
        nameField.clear();
        nameField.sendKeys(name);
        driver.findElement(By.id("signin-submit")).click();
    }

    static By card(String claimId) {
        return By.cssSelector(".card[data-claim-id='" + claimId + "']");
    }

    static By cardIn(String column, String claimId) {
        return By.cssSelector("[data-column='" + column + "'] .card[data-claim-id='" + claimId + "']");
    }

    static By followup(String workItemId) {
        return By.cssSelector("#followups tr[data-work-item-id='" + workItemId + "']");
    }

    /** Waits until {@code claimId}'s card is in {@code column}, and answers it. */
    WebElement cardShownIn(String column, String claimId) {
        return await(ExpectedConditions.visibilityOfElementLocated(cardIn(column, claimId)));
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Select select(String id) {
        return new Select(driver.findElement(By.id(id)));
    }

    /** The value of {@code expression}, a JavaScript expression evaluated in the page. */
    Object script(String expression) {
        return driver.executeScript("return " + expression + ";");
    }

    <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }
}
