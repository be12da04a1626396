package dev.issuecommand.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium driven over WebDriver: the system's {@code chromium} and {@code chromedriver} (Debian's
 * {@code chromium} and {@code chromium-driver} packages, or {@code CHROME_BIN} / {@code CHROMEDRIVER}), both named by
 * path so that Selenium Manager never looks for a browser or a driver on the network. Missing ones fail the test.
 */
final class HeadlessChromium {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    /** A new browser, 1400x1000, keeping its console messages and leaving alerts open for the test to see. */
    static ChromeDriver start() {
        Path browser = executable("CHROME_BIN", "/usr/bin/chromium");
        Path driver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=en-US", "--no-first-run", "--disable-extensions");
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(service, options);
    }

    private static Path executable(String variable, String fallback) {
        String set = System.getenv(variable);
        Path path = Path.of(set == null || set.isBlank() ? fallback : set);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("The browser tests need " + path + " (set " + variable
                    + " to use another): install Debian's chromium and chromium-driver, as .ci/run does");
        }
        return path;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path target = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
