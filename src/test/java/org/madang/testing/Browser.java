package org.madang.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, pointed at the running server, with axe-core for accessibility
 * checks. Without Chromium the browser tests are skipped on a developer's machine and fail under CI.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("webapp", "node_modules", "axe-core", "axe.min.js");

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    public Browser() {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) && Files.exists(AXE);
        if (!available) {
            String missing = "Chromium, chromedriver or axe-core is missing (" + CHROMIUM + ", " + CHROMEDRIVER + ", " + AXE + ")";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(missing);
            Assumptions.abort(missing);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--lang=ko-KR");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    public WebDriver driver() { return driver; }

    /** Runs a script in the page and returns its result. */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Waits up to the given time for the condition (every wait in the tests is bounded). */
    public <T> T await(Duration timeout, java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** The text of the first element matching the selector, shown or not ("" when there is none): for messages. */
    public String textOf(String css) {
        var found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : String.valueOf(found.get(0).getAttribute("textContent")).trim();
    }

    /** Whether an element matching the selector exists and is shown. */
    public boolean shown(String css) {
        var found = driver.findElements(By.cssSelector(css));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /** Files the pages save ("download") go to this directory, without asking. */
    public void downloadTo(Path directory) {
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", directory.toAbsolutePath().toString()));
    }

    /** Waits until a finished download whose name starts with the prefix is in the directory; returns it. */
    public Path awaitDownload(Path directory, String prefix) {
        return await(Duration.ofSeconds(15), d -> {
            try (var files = Files.list(directory)) {
                return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                        .filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
    }

    /** Chooses a file in a file input, as a person picking it in the file dialog. */
    public void upload(String css, Path file) {
        driver.findElement(By.cssSelector(css)).sendKeys(file.toAbsolutePath().toString());
    }

    /** Chooses the page language the way the language switch keeps it (localStorage and cookie), then reloads. */
    public void useLanguage(String language) {
        driver.executeScript("localStorage.setItem('madang.lang', arguments[0]);"
                + "document.cookie = 'madang_lang=' + arguments[0] + '; Path=/; SameSite=Lax';", language);
        driver.navigate().refresh();
        awaitHtmlLang(language);
    }

    /** Signs in on the sign-in page; staff give their TOTP secret (the code of the next 30-second step is used). */
    public void signIn(String email, String password, String totpSecret) {
        open("/signin.html");
        type("#email", email);
        type("#password", password);
        click("#signin-form button[type=submit]");
        if (totpSecret != null) {
            type("#totp-code", People.nextCode(totpSecret));
            click("#signin-form button[type=submit]");
        }
        wait.until(d -> !d.getCurrentUrl().contains("/signin.html"));
    }

    public Browser open(String path) {
        driver.get(MadangServer.get().baseUrl() + path);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    public WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void type(String css, String text) {
        var element = find(css);
        element.clear();
        element.sendKeys(text);
    }

    /** Scrolls the element to the middle of the window first, clear of the page's sticky header and footer. */
    public void click(String css) {
        var element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** Waits until the element's text contains the expected text, and returns the whole text. */
    public String awaitText(String css, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected));
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Waits until the address contains any of the fragments (or, for "/", is the site root). */
    public void awaitUrlContains(String... fragments) {
        wait.until(d -> {
            String url = d.getCurrentUrl();
            String base = MadangServer.get().baseUrl();
            for (String fragment : fragments) {
                if (fragment.equals("/") ? url.equals(base + "/") : url.contains(fragment)) return true;
            }
            return false;
        });
    }

    public String htmlLang() {
        return String.valueOf(driver.executeScript("return document.documentElement.lang"));
    }

    public void awaitHtmlLang(String language) {
        wait.ignoring(org.openqa.selenium.JavascriptException.class).until(d -> language.equals(htmlLang()));
    }

    /** Lets the page's scripts finish their first requests and rendering before it is examined. */
    public void settle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !document.querySelector('[aria-busy=\"true\"]')")));
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs axe-core on the current page; returns the violations as "rule: targets" lines (empty when none). */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        try {
            driver.executeScript(Files.readString(AXE));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        var result = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done({violations: r.violations.map("
                        + "v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))}))"
                        + ".catch(e => done({violations: ['axe failed: ' + e]}));");
        return (List<String>) result.get("violations");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
