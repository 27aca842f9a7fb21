package io.handoff.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.DemoStory;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.PersonId;
import io.handoff.testing.Accessibility;
import io.handoff.testing.Browser;
import io.handoff.testing.PlaygroundCsrf;
import io.handoff.testing.RedisServerProcess;

/** The playground in a real headless Chromium: the driver names the pre-loader, who confirms from the inbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static Browser browser;
    /**
     * A redis-server of its own: moving demo time forward makes this app's scheduler run every job due within the
     * week, and on the shared test server those would include the jobs of every other test's tenants.
     */
    private static final RedisServerProcess REDIS = RedisServerProcess.start("playground",
            RedisServerProcess.freePorts(1)[0], tempDir(), null, List.of());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> "redis://127.0.0.1:" + REDIS.port());
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.playground.enabled", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        REDIS.close();
    }

    private static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("handoff-playground-redis");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theDriverNamesThePreLoaderWhoConfirmsFromTheInbox() throws Exception {
        reset();
        WebDriver page = browser.driver();
        page.get(url("/"));
        become("Ravi Shah");

        command("customers");
        WebElement dialog = waitFor(By.id("form-dialog"));
        assertThat(text(By.id("form-title"))).isEqualTo("Your internal customers");
        browser.screenshot("playground-1-survey-form");
        submitForm("Your suppliers");
        page.findElement(By.cssSelector("#form-fields input[type=checkbox][value=pat]")).click();
        submitForm("What you receive");
        List<WebElement> whats = page.findElements(By.cssSelector("#form-fields .field[data-type=text] input"));
        WebElement patWhat = whats.get(0); // a newly picked colleague comes first, before those already named
        patWhat.clear();
        patWhat.sendKeys("truck loaded in delivery order");
        List<WebElement> choices = page.findElements(By.cssSelector("#form-fields .field[data-type=choice] select"));
        new Select(choices.get(0)).selectByValue("daily");
        new Select(choices.get(1)).selectByValue("critical");
        browser.screenshot("playground-2-supplier-terms");
        page.findElement(By.id("form-submit")).click();
        browser.waiting(PATIENCE).until(ExpectedConditions.invisibilityOf(dialog));

        // the answers are saved after the form closes, by a scheduler job
        browser.waiting(PATIENCE).until(d -> graph.handoff(DemoStory.DEPOT.tenant(), PersonId.of("pat"),
                PersonId.of("ravi")).map(Handoff::status).filter(EdgeStatus.CLAIMED::equals).isPresent());

        become("Pat Okafor");
        page.findElement(By.id("tab-inbox")).click();
        WebElement ask = browser.waiting(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[@id='panel-inbox']//div[contains(@class,'inbox-item')][contains(., 'Ravi Shah')]")));
        assertThat(ask.getText()).contains("truck loaded in delivery order");
        browser.screenshot("playground-3-confirmation-in-inbox");
        ask.findElement(By.xpath(".//button[normalize-space()='Confirm']")).click();

        page.findElement(By.id("tab-home")).click();
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-home"),
                "Ravi Shah"));
        String home = text(By.id("panel-home"));
        assertThat(home).contains("Ravi Shah", "truck loaded in delivery order", "confirmed");
        browser.screenshot("playground-4-home-with-confirmed-edge");
        assertThat(graph.handoff(DemoStory.DEPOT.tenant(), PersonId.of("pat"), PersonId.of("ravi")))
                .map(Handoff::status).contains(EdgeStatus.CONFIRMED);
    }

    @Test
    void advancingTheClockBringsTheDriverAFrictionPoll() throws Exception {
        reset();
        WebDriver page = browser.driver();
        page.get(url("/"));
        become("Ravi Shah");
        WebElement clock = waitFor(By.id("clock-now"));
        String before = clock.getText();

        page.findElement(By.id("advance-week")).click();
        browser.waiting(PATIENCE).until(driver -> !driver.findElement(By.id("clock-now")).getText().equals(before));
        page.findElement(By.id("tab-inbox")).click();
        WebElement poll = browser.waiting(Duration.ofSeconds(40)).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[@id='panel-inbox']//div[contains(@class,'inbox-item')]"
                        + "[contains(., \"How well did Lee Marsh's truck loaded in delivery order serve you\")]")));
        assertThat(poll.getText()).contains("never your name");
        browser.screenshot("playground-5-friction-poll-after-a-week");

        page.findElement(By.id("tab-scheduler")).click();
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-scheduler"),
                "sent"));
        browser.screenshot("playground-6-scheduler-decisions");
    }

    /** Issue 19, bug 3: the line breaks the server sends in a paragraph (my-data, report) show as line breaks. */
    @Test
    void lineBreaksInAnAnswerShowAsLineBreaks() throws Exception {
        reset();
        WebDriver page = browser.driver();
        page.get(url("/"));
        become("Pat Okafor");
        command("my-data");
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"),
                "To delete all of it, type forget-me"));
        List<WebElement> broken = page.findElements(By.cssSelector("#conversation .bubble.bot p")).stream()
                .filter(p -> p.getDomProperty("textContent").contains("\n")).toList();
        assertThat(broken).as("paragraphs of my-data whose text has line breaks").isNotEmpty();
        for (WebElement paragraph : broken) {
            assertThat(paragraph.getText()).as("rendered text keeps the breaks").contains("\n");
        }
    }

    /** Issue 19, part of 8: the message box says how much it holds before it stops taking more. */
    @Test
    void theMessageBoxSaysItsLimitBeforeCuttingText() throws Exception {
        reset();
        WebDriver page = browser.driver();
        page.get(url("/"));
        become("Pat Okafor");
        WebElement input = page.findElement(By.id("command"));
        WebElement limit = page.findElement(By.id("command-limit"));
        input.sendKeys("a".repeat(100));
        assertThat(limit.isDisplayed()).as("far from the limit").isFalse();
        input.sendKeys("b".repeat(1850));
        assertThat(limit.getText()).isEqualTo("50 of 2000 characters left");
        input.sendKeys("c".repeat(80));
        assertThat(input.getDomProperty("value")).hasSize(2000);
        assertThat(limit.getText()).isEqualTo("That is the most a message can hold (2000 characters).");
    }

    /**
     * Issue 18: axe finds no serious or critical violation on first load, with the survey open, with a map in the
     * chat, on Home, Inbox and Scheduler, at 1366 and at 390 px; at 390 px nothing scrolls sideways and the
     * conversation comes first, the panels under it.
     */
    @Test
    void axeFindsNothingSeriousInAnyStateAtEitherWidth() throws Exception {
        WebDriver page = browser.driver();
        try {
            for (Dimension size : Accessibility.WIDTHS) {
                String at = " at " + size.getWidth() + "px";
                boolean phone = size.getWidth() < 700;
                reset();
                page.manage().window().setSize(size);
                page.get(url("/"));
                become("Ravi Shah");
                waitFor(By.id("tab-scheduler"));
                browser.assertAccessible("first load" + at);
                if (phone) {
                    assertThat(Accessibility.horizontalOverflow(page)).as("sideways scroll, chat" + at).isZero();
                    WebElement chat = page.findElement(By.cssSelector(".chat"));
                    WebElement side = page.findElement(By.cssSelector(".side"));
                    assertThat(chat.getSize().getWidth()).as("chat width" + at).isGreaterThanOrEqualTo(340);
                    assertThat(side.getLocation().getY()).as("panels under the chat" + at)
                            .isGreaterThanOrEqualTo(chat.getLocation().getY() + chat.getSize().getHeight());
                    assertThat(script("const c = document.getElementById('conversation');"
                            + " return c.scrollWidth <= c.clientWidth")).as("conversation reflows" + at).isEqualTo(true);
                }

                command("customers");
                waitFor(By.id("form-dialog"));
                browser.screenshot("a11y-survey-" + size.getWidth());
                browser.assertAccessible("survey form open" + at);
                assertThat(script("const f = document.querySelector('#form'); return f.scrollWidth <= f.clientWidth"))
                        .as("survey reflows" + at).isEqualTo(true);
                assertThat(Accessibility.horizontalOverflow(page)).as("sideways scroll, survey" + at).isZero();
                page.findElement(By.id("form-cancel")).click();

                command("map");
                browser.waiting(Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#conversation .bubble.bot img")));
                browser.screenshot("a11y-map-in-chat-" + size.getWidth());
                browser.assertAccessible("a map in chat" + at);
                assertThat(Accessibility.horizontalOverflow(page)).as("sideways scroll, map in chat" + at).isZero();

                for (String tab : List.of("home", "inbox", "scheduler")) {
                    page.findElement(By.id("tab-" + tab)).click();
                    waitFor(By.id("panel-" + tab));
                    if (tab.equals("scheduler")) {
                        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(
                                By.id("panel-scheduler"), "delivery rules decided"));
                    }
                    browser.assertAccessible(tab + at);
                }
            }
        } finally {
            page.manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    /**
     * Issue 18: every control is reached with Tab alone, in the page and in the survey; the panels are ARIA tabs
     * that arrow keys move between; a survey is answered from the keyboard.
     */
    @Test
    void everyControlIsReachedWithTheKeyboardAndTheTabsFollowTheTabsPattern() throws Exception {
        reset();
        WebDriver page = browser.driver();
        page.get(url("/"));
        become("Ravi Shah");
        waitFor(By.id("tab-scheduler"));

        List<String> controls = Accessibility.visibleControls(page, "body");
        List<String> reached = Accessibility.tabWalk(page, controls.size() + 8);
        assertThat(reached).as("Tab order").containsAll(controls).contains("#conversation", "#panel-home");

        WebElement home = page.findElement(By.id("tab-home"));
        home.sendKeys(Keys.ARROW_RIGHT);
        assertThat(page.findElement(By.id("tab-inbox")).getDomAttribute("aria-selected")).isEqualTo("true");
        assertThat(home.getDomAttribute("aria-selected")).isEqualTo("false");
        assertThat(page.findElement(By.id("panel-inbox")).isDisplayed()).isTrue();
        assertThat(page.findElement(By.id("panel-home")).isDisplayed()).isFalse();
        assertThat(script("return document.activeElement.id")).isEqualTo("tab-inbox");
        page.findElement(By.id("tab-inbox")).sendKeys(Keys.END);
        assertThat(script("return document.activeElement.id")).isEqualTo("tab-scheduler");
        assertThat(page.findElement(By.id("panel-scheduler")).isDisplayed()).isTrue();
        page.findElement(By.id("tab-scheduler")).sendKeys(Keys.ARROW_RIGHT);
        assertThat(script("return document.activeElement.id")).as("wraps round").isEqualTo("tab-home");

        page.findElement(By.id("command")).sendKeys("customers", Keys.ENTER);
        waitFor(By.id("form-dialog"));
        List<String> inDialog = Accessibility.visibleControls(page, "#form-dialog");
        assertThat(inDialog).as("every person can be picked").hasSizeGreaterThan(10);
        List<String> walked = new java.util.ArrayList<>();
        for (int i = 0; i < inDialog.size() + 3; i++) {
            walked.add((String) script("const e = document.activeElement; return e.id ? '#' + e.id"
                    + " : e.tagName.toLowerCase() + ':' + (e.getAttribute('aria-label') || e.textContent || e.value"
                    + " || '').trim().substring(0, 60);"));
            new org.openqa.selenium.interactions.Actions(page).sendKeys(Keys.TAB).perform();
        }
        assertThat(walked).as("Tab order in the survey").containsAll(inDialog);
    }

    /**
     * Issue 18: the survey names everyone (no hidden overflow column) in a labelled group, and its errors are tied
     * to their fields, marked invalid, announced, and focus moves to the first field in error.
     */
    @Test
    void surveyErrorsAreTiedToTheirFieldsAndAnnounced() throws Exception {
        reset();
        WebDriver page = browser.driver();
        page.get(url("/"));
        become("Ravi Shah");
        command("customers");
        waitFor(By.id("form-dialog"));
        WebElement group = page.findElement(By.cssSelector("#form-fields fieldset.people"));
        assertThat(group.findElement(By.tagName("legend")).getText()).isNotBlank();
        for (WebElement name : group.findElements(By.tagName("label"))) {
            ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'})", name);
            assertThat(name.isDisplayed()).as(name.getText()).isTrue();
            assertThat((Boolean) script("const r = arguments[0].getBoundingClientRect(),"
                    + " b = arguments[0].closest('fieldset').getBoundingClientRect();"
                    + " return r.left >= b.left - 1 && r.right <= b.right + 1", name))
                    .as(name.getText() + " inside the list").isTrue();
        }
        assertThat(group.getText()).contains("Noor Haddad", "Bea Santos").doesNotContain("Wen Li");

        submitForm("Your suppliers");
        page.findElement(By.cssSelector("#form-fields input[type=checkbox][value=pat]")).click();
        submitForm("What you receive");
        List<WebElement> whats = page.findElements(By.cssSelector("#form-fields .field[data-type=text] input"));
        WebElement patWhat = whats.get(0); // a newly picked colleague comes first, before those already named
        patWhat.clear();
        page.findElement(By.id("form-submit")).click();

        browser.waiting(PATIENCE).until(d -> "true".equals(patWhat.getDomAttribute("aria-invalid")));
        String errorId = patWhat.getDomAttribute("id") + "-error";
        assertThat(patWhat.getDomAttribute("aria-describedby")).contains(errorId);
        WebElement error = page.findElement(By.id(errorId));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).isNotBlank();
        assertThat(page.findElement(By.id("form-announce")).getDomAttribute("role")).isEqualTo("alert");
        assertThat(page.findElement(By.id("form-announce")).getDomProperty("textContent")).contains(error.getText());
        assertThat(script("return document.activeElement.getAttribute('aria-invalid')")).isEqualTo("true");
        browser.assertAccessible("survey with errors");

        patWhat.sendKeys("truck loaded in delivery order");
        List<WebElement> choices = page.findElements(By.cssSelector("#form-fields .field[data-type=choice] select"));
        new Select(choices.get(0)).selectByValue("daily");
        new Select(choices.get(1)).selectByValue("critical");
        page.findElement(By.id("form-submit")).click();
        browser.waiting(PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(By.id("form-dialog")));
    }

    private Object script(String code, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code, args);
    }

    /** Resets as the page's script does: JSON with the CSRF token the page set. */
    private void reset() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        PlaygroundCsrf csrf = PlaygroundCsrf.fromPage(http, url(""));
        HttpResponse<String> reset = http.send(csrf.sign(HttpRequest.newBuilder(
                        URI.create(url("/playground/api/tenants/depot/reset"))))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).isEqualTo(200);
    }

    private void become(String name) {
        WebElement select = browser.waiting(PATIENCE).until(ExpectedConditions.presenceOfNestedElementLocatedBy(
                By.id("person"), By.xpath(".//option[normalize-space()='" + name + "']")));
        new Select(browser.driver().findElement(By.id("person"))).selectByVisibleText(name);
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"),
                "You are now " + name));
        assertThat(select).isNotNull();
    }

    private void command(String text) {
        WebElement input = browser.driver().findElement(By.id("command"));
        input.sendKeys(text);
        browser.driver().findElement(By.cssSelector("#composer button[type=submit]")).click();
    }

    private void submitForm(String nextTitle) {
        browser.driver().findElement(By.id("form-submit")).click();
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-title"),
                nextTitle));
    }

    private WebElement waitFor(By locator) {
        return browser.waiting(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private String text(By locator) {
        return browser.driver().findElement(locator).getText();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
