package io.handoff.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.testing.Browser;
import io.handoff.testing.PlaygroundCsrf;
import io.handoff.testing.RedisServerProcess;

/**
 * Issue 19, tests (and issue 16's demo part): the depot story walked end to end in a real headless Chromium, as the
 * screenshots did. Pick the depot, Pat sees *Parcel delivered* on Home, names a customer who confirms, tells a story
 * to a chosen supplier, a week passes and the driver rates, a manager reads the report and opens the map, the admin's
 * {@code journey parcel-delivery} shows the fall and the pre-load handoffs, Pat says forget-me and starts again.
 * Throughout: every inbox item a person gets is compared with the others that person got (no prompt twice), every
 * multi-line answer must render as several lines, and no error may show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundWalkBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static Browser browser;
    private static final RedisServerProcess REDIS = RedisServerProcess.start("playground-walk",
            RedisServerProcess.freePorts(1)[0], tempDir(), null, List.of());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> "redis://127.0.0.1:" + REDIS.port());
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.playground.enabled", () -> "true");
    }

    @LocalServerPort
    int port;

    /** Every inbox item each person saw during the walk, by message id: the text without its time. */
    private final Map<String, Map<String, String>> seen = new HashMap<>();
    private boolean firstHalfPassed;
    /** How many visible paragraphs with a line break the line-break check has measured (it must have measured some). */
    private long multiLineParagraphs;

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

    @Test
    @Order(1)
    void theDepotStoryEndToEnd() throws Exception {
        reset("depot");
        WebDriver page = browser.driver();
        // forget the remembered story on a page of the same origin that runs no playground script, so nothing can
        // write it back before the playground loads
        page.get(url("/playground/api/stories"));
        script("localStorage.clear()");
        page.get(url("/"));

        // the choice of story, then Pat with three hints
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"),
                "Which story"));
        WebElement depot = waitFor(By.cssSelector("[data-stories] button[data-story=depot]"));
        assertThat(text(By.cssSelector("[data-stories]"))).contains("A parcel depot", "A hospital ward");
        depot.click();
        waitFor(By.cssSelector("[data-hints=depot]"));
        assertThat(page.findElements(By.cssSelector("[data-hints=depot] li"))).hasSize(3);
        assertThat(new Select(page.findElement(By.id("person"))).getFirstSelectedOption().getText())
                .isEqualTo("Pat Okafor");
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-home"),
                "Parcel delivered"));
        assertThat(text(By.id("panel-home"))).as("issue 16: where Pat's work reaches customers")
                .contains("Parcel delivered", "game-over");
        noErrors("start");

        // name a customer (Ravi), who confirms from his inbox
        command("customers");
        waitFor(By.id("form-dialog"));
        page.findElement(By.cssSelector("#form-fields input[type=checkbox][value=ravi]")).click();
        answerFormUntilClosed("truck loaded in delivery order");
        become("Ravi Shah");
        WebElement ask = inboxItem("Pat Okafor");
        ask.findElement(By.xpath(".//button[normalize-space()='Confirm']")).click();
        page.findElement(By.id("tab-home")).click();
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-home"),
                "Pat Okafor"));
        noErrors("confirm");

        // a story to a chosen supplier: Pat to Sam, who sorts his parcels
        become("Pat Okafor");
        command("story sam");
        waitFor(By.id("form-dialog"));
        assertThat(text(By.id("form-dialog"))).contains("Sam");
        answerFormUntilClosed("The 4am rush: a mis-sorted cage costs me twenty minutes of reloading.");
        WebElement preview = lastAnswer("Nothing is sent until you press Send");
        assertThat(preview.getText()).contains("twenty minutes of reloading");
        assertThat(browser.driver().findElements(By.xpath("//div[@id='panel-inbox']//div[contains(@class,"
                + "'inbox-item')][contains(., 'twenty minutes of reloading')]"))).as("a draft is not sent").isEmpty();
        preview.findElement(By.xpath(".//button[normalize-space()='Send']")).click();
        lastAnswer("Sent to Sam");
        noErrors("story");
        become("Sam Reyes");
        inboxItem("twenty minutes of reloading");
        noErrors("story received");

        // issue 16: the admin's journey shows the fall and the pre-load handoffs that moved together
        become("Mia Laurent");
        command("journey parcel-delivery");
        WebElement journey = lastAnswer("Parcel delivered");
        assertThat(journey.getText()).contains("Parcel delivered").containsIgnoringCase("fell")
                .contains("moved together").contains("Lee Marsh");
        assertMultiLine(journey, "journey");
        noErrors("journey");
        firstHalfPassed = true;

    }

    /** The second half, on the state the first left: a week passes, the driver rates, a manager's report and map. */
    @Test
    @Order(2)
    void aWeekLaterTheDriverRatesAndAManagerReads() throws Exception {
        assertThat(firstHalfPassed).as("the first half of the walk passed").isTrue();
        WebDriver page = browser.driver();
        // a week passes; Ravi rates Lee's loaded trucks
        become("Ravi Shah");
        String before = text(By.id("clock-now"));
        page.findElement(By.id("advance-week")).click();
        browser.waiting(PATIENCE).until(d -> !d.findElement(By.id("clock-now")).getText().equals(before));
        WebElement poll = inboxItem("How well did Lee Marsh");
        poll.findElement(By.xpath(".//button[normalize-space()='4']")).click();
        page.findElement(By.id("tab-home")).click();
        lastAnswer("Thanks: 4 for Lee Marsh");
        noErrors("rate");
        for (String person : List.of("Lee Marsh", "Dana Kowalski", "Sam Reyes", "Pat Okafor")) {
            become(person);
            recordInbox(person);
        }

        // a manager's report and map
        become("Lee Marsh");
        command("report");
        assertMultiLine(lastAnswer("report"), "report");
        command("map");
        browser.waiting(Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#conversation .bubble.bot img")));
        noErrors("report and map");

        // forget-me, then start again
        become("Pat Okafor");
        command("forget-me");
        WebElement confirm = browser.waiting(PATIENCE).until(ExpectedConditions.elementToBeClickable(
                By.xpath("(//li[contains(@class,'bubble')]//button[normalize-space()='Delete everything'])[last()]")));
        confirm.click();
        browser.waiting(PATIENCE).until(d -> d.findElements(By.cssSelector("#conversation .bubble.bot")).size() > 1
                && d.findElement(By.id("conversation")).getText().toLowerCase().contains("deleted"));
        page.navigate().refresh();
        become("Pat Okafor");
        command("customers");
        waitFor(By.id("form-dialog"));
        assertThat(text(By.id("form-title"))).isEqualTo("Your internal customers");
        page.findElement(By.id("form-cancel")).click();
        noErrors("after forget-me");
        assertThat(multiLineParagraphs).as("multi-line paragraphs the walk measured").isPositive();
    }

    // ---- checks ----

    /**
     * The three checks after a step: no error shows; the person's inbox holds no message twice; and every paragraph
     * whose text holds a line break, in the conversation, on Home or in the inbox, renders as several lines.
     */
    private void noErrors(String step) {
        shownErrors(step);
        recordInbox(new Select(browser.driver().findElement(By.id("person"))).getFirstSelectedOption().getText());
        collapsedLineBreaks(step, "conversation");
        browser.driver().findElement(By.id("tab-inbox")).click();
        waitFor(By.id("panel-inbox"));
        collapsedLineBreaks(step, "panel-inbox");
        browser.driver().findElement(By.id("tab-home")).click();
        waitFor(By.id("panel-home"));
        collapsedLineBreaks(step, "panel-home");
    }

    /** Paragraphs under {@code containerId} whose text holds a line break yet render on one line. */
    private void collapsedLineBreaks(String step, String containerId) {
        @SuppressWarnings("unchecked")
        List<String> collapsed = (List<String>) script("return Array.from(document.querySelectorAll('#' + arguments[0]"
                + " + ' p')).filter(p => p.offsetParent !== null && p.textContent.trim().includes('\\n'))"
                + ".filter(p => { const s = getComputedStyle(p); const line = parseFloat(s.lineHeight)"
                + " || parseFloat(s.fontSize) * 1.2; return Math.round(p.getBoundingClientRect().height / line) < 2; })"
                + ".map(p => p.textContent)", containerId);
        assertThat(collapsed).as("paragraphs in " + containerId + " whose line breaks collapsed after " + step)
                .isEmpty();
        multiLineParagraphs += (Long) script("return Array.from(document.querySelectorAll('#' + arguments[0] + ' p'))"
                + ".filter(p => p.offsetParent !== null && p.textContent.trim().includes('\\n')).length", containerId);
    }

    /** No error shows: not in the conversation, not in a form. */
    private void shownErrors(String step) {
        List<String> shown = browser.driver().findElements(By.cssSelector("#conversation .error, #form-error"))
                .stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
        assertThat(shown).as("errors shown after " + step).isEmpty();
    }

    /** A paragraph whose text holds line breaks renders as several lines, and the answer is several blocks. */
    private void assertMultiLine(WebElement answer, String what) {
        List<WebElement> blocks = answer.findElements(By.cssSelector("p, h3, li, div.buttons"));
        assertThat(blocks).as(what + " in several blocks").hasSizeGreaterThan(1);
        for (WebElement p : answer.findElements(By.tagName("p"))) {
            String source = p.getDomProperty("textContent");
            if (source.strip().contains("\n")) {
                assertThat(p.getText()).as(what + ": a paragraph keeps its line breaks").contains("\n");
                long lines = (Long) script("const r = arguments[0].getBoundingClientRect();"
                        + " return Math.round(r.height / parseFloat(getComputedStyle(arguments[0]).lineHeight));", p);
                assertThat(lines).as(what + ": rendered lines of '" + source + "'").isGreaterThan(1);
            }
        }
    }

    /** Records the person's inbox and fails when two of their messages say the same. */
    private void recordInbox(String person) {
        browser.driver().findElement(By.id("tab-inbox")).click();
        waitFor(By.id("panel-inbox"));
        Map<String, String> mine = seen.computeIfAbsent(person, p -> new HashMap<>());
        // read in one script: the inbox re-renders every few seconds, an element found earlier may be gone
        @SuppressWarnings("unchecked")
        List<List<String>> items = (List<List<String>>) script("return Array.from(document.querySelectorAll("
                + "'#panel-inbox .inbox-item')).map(i => { const c = i.cloneNode(true); c.querySelector('time')?.remove();"
                + " return [i.getAttribute('data-message'), c.textContent.trim()]; })");
        items.forEach(item -> mine.put(item.get(0), item.get(1)));
        List<String> texts = new ArrayList<>(mine.values());
        assertThat(texts).as("messages " + person + " got (no prompt twice)").doesNotHaveDuplicates();
        browser.driver().findElement(By.id("tab-home")).click();
    }

    // ---- steps ----

    private WebElement inboxItem(String containing) {
        WebDriver page = browser.driver();
        page.findElement(By.id("tab-inbox")).click();
        WebElement item = browser.waiting(Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[@id='panel-inbox']//div[contains(@class,'inbox-item')][contains(., \""
                        + containing + "\")]")));
        recordInbox(new Select(page.findElement(By.id("person"))).getFirstSelectedOption().getText());
        page.findElement(By.id("tab-inbox")).click();
        return browser.waiting(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[@id='panel-inbox']//div[contains(@class,'inbox-item')][contains(., \""
                        + containing + "\")]")));
    }

    /** Fills every empty field of each step (text, choice) and submits until the form closes. */
    private void answerFormUntilClosed(String words) {
        WebDriver page = browser.driver();
        for (int step = 0; step < 6 && page.findElement(By.id("form-dialog")).isDisplayed(); step++) {
            for (WebElement input : page.findElements(By.cssSelector("#form-fields textarea, #form-fields input[type=text]"))) {
                if (input.getDomProperty("value").isBlank()) {
                    input.sendKeys(words);
                }
            }
            for (WebElement select : page.findElements(By.cssSelector("#form-fields select"))) {
                Select choice = new Select(select);
                if (choice.getFirstSelectedOption().getDomAttribute("value").isEmpty()) {
                    choice.selectByIndex(choice.getOptions().size() - 1);
                }
            }
            String title = (String) script("return document.getElementById('form-title').textContent");
            page.findElement(By.id("form-submit")).click();
            // read in one script so a re-rendered form cannot leave a stale element behind
            browser.waiting(PATIENCE).until(d -> (Boolean) script("return !document.getElementById('form-dialog').open"
                    + " || document.getElementById('form-title').textContent !== arguments[0]"
                    + " || document.querySelectorAll('#form-fields .error:not([hidden]), #form-error:not([hidden])')"
                    + ".length > 0", title));
            assertThat((List<?>) script("return Array.from(document.querySelectorAll("
                    + "'#form-fields .error:not([hidden]), #form-error:not([hidden])')).map(e => e.textContent)"))
                    .as("form errors").isEmpty();
        }
        assertThat(page.findElement(By.id("form-dialog")).isDisplayed()).as("form closed").isFalse();
    }

    private WebElement lastAnswer(String containing) {
        return browser.waiting(Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("(//ol[@id='conversation']/li[contains(@class,'bot')][contains(., \"" + containing
                        + "\")])[last()]")));
    }

    private void become(String name) {
        browser.waiting(PATIENCE).until(ExpectedConditions.presenceOfNestedElementLocatedBy(
                By.id("person"), By.xpath(".//option[normalize-space()='" + name + "']")));
        new Select(browser.driver().findElement(By.id("person"))).selectByVisibleText(name);
        browser.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"),
                "You are now " + name));
    }

    private void command(String text) {
        browser.driver().findElement(By.id("command")).sendKeys(text);
        browser.driver().findElement(By.cssSelector("#composer button[type=submit]")).click();
    }

    private void reset(String tenant) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        PlaygroundCsrf csrf = PlaygroundCsrf.fromPage(http, url(""));
        HttpResponse<String> reset = http.send(csrf.sign(HttpRequest.newBuilder(
                        URI.create(url("/playground/api/tenants/" + tenant + "/reset"))))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).isEqualTo(200);
    }

    private Object script(String code, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code, args);
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

    private static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("handoff-walk-redis");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
