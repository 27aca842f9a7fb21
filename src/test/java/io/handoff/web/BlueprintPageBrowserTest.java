package io.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.SampleJourneys;
import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.journey.Journeys;
import io.handoff.map.MapLinks;
import io.handoff.map.MapScope;
import io.handoff.testing.Accessibility;
import io.handoff.testing.TestRedis;

/**
 * The blueprint page in a real headless Chromium: a manager's signed link shows the four lanes, the picture and the
 * game-over touchpoint; every touchpoint opens from the keyboard; axe finds nothing serious at laptop and phone
 * width and nothing scrolls sideways; a tampered or unsigned link is refused with 403 and a plain page. Saves
 * screenshots to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlueprintPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final TenantId TENANT = TestRedis.uniqueTenant();
    private static final MapScope.Journey PARCELS = new MapScope.Journey("parcel-delivery");
    private static ChromeDriver browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.admin-token", () -> MapWebTest.TOKEN);
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.maps.link-secret", () -> MapWebTest.LINK_SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    MapLinks links;

    @BeforeAll
    static void start(@Autowired GraphStore store, @Autowired Journeys journeys) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs the Debian packages chromium and chromium-driver");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SampleOrganisation.load(store, TENANT, now);
        SampleJourneys.load(journeys, TENANT, now);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1400,900", "--user-data-dir=" + Files.createTempDirectory("handoff-chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSignedLinkShowsTheLanesThePictureAndTheGameOverMoment() throws Exception {
        open(links.sign(links.grant(TENANT, PersonId.of("lee"), PARCELS)));

        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Parcel delivery: experience blueprint");
        assertThat(browser.findElements(By.cssSelector("#lanes dt")).stream().map(WebElement::getText).toList())
                .containsExactly("Customer", "Front stage", "Backstage", "Support");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                script("const i = document.querySelector('.picture img'); return i.complete && i.naturalWidth > 0")));
        List<WebElement> gameOver = browser.findElements(By.cssSelector(".moment.game-over summary"));
        assertThat(gameOver).extracting(WebElement::getText).containsExactly("GAME OVER Parcel delivered in person, game over");
        Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(screenshots.resolve("blueprint-page.png"), browser.getScreenshotAs(OutputType.BYTES));

        // The filter leaves only the game-over moment and says so.
        browser.findElement(By.id("game-over-only")).sendKeys(Keys.SPACE);
        assertThat(browser.findElements(By.cssSelector(".moment")).stream().filter(WebElement::isDisplayed).count())
                .isEqualTo(1);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("1 game-over moment shown.");
    }

    @Test
    void everyTouchpointOpensFromTheKeyboard() {
        open(links.sign(links.grant(TENANT, PersonId.of("lee"), PARCELS)));

        List<String> controls = Accessibility.visibleControls(browser, "body");
        assertThat(controls).contains("#game-over-only", "#open-all", "a:PNG picture", "a:CSV table");
        List<String> reached = Accessibility.tabWalk(browser, controls.size() + 12);
        assertThat(reached).as("Tab order").containsAll(controls)
                .anyMatch(r -> r.startsWith("summary:GAME OVER Parcel delivered"));

        WebElement summary = browser.findElement(By.cssSelector(".moment.game-over summary"));
        for (int i = 0; i < 80 && !summary.equals(browser.switchTo().activeElement()); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement()).isEqualTo(summary);
        summary.sendKeys(Keys.ENTER);
        WebElement details = browser.findElement(By.cssSelector(".moment.game-over details"));
        assertThat(details.getDomAttribute("open")).isNotNull();
        assertThat(details.getText()).contains("Front stage", "Dana Kowalski", "Backstage", "hands Dana Kowalski");
    }

    @Test
    void axeFindsNothingSeriousAtEitherWidthAndNothingScrollsSideways() {
        try {
            for (Dimension size : Accessibility.WIDTHS) {
                browser.manage().window().setSize(size);
                String at = " at " + size.getWidth() + "px";
                open(links.sign(links.grant(TENANT, PersonId.of("lee"), PARCELS)));
                Accessibility.assertNoSeriousViolations(browser, "the blueprint" + at);
                assertThat(Accessibility.horizontalOverflow(browser)).as("sideways scroll" + at).isZero();
                browser.findElement(By.id("open-all")).click();
                Accessibility.assertNoSeriousViolations(browser, "every touchpoint open" + at);
                assertThat(Accessibility.horizontalOverflow(browser)).as("sideways scroll, open" + at).isZero();
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 900));
        }
    }

    @Test
    void aTamperedOrUnsignedLinkIsRefusedWithAPlainPage() throws Exception {
        String token = links.sign(links.grant(TENANT, PersonId.of("lee"), PARCELS));
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'x' ? 'y' : 'x') + token.substring(6);
        for (String path : List.of("/blueprints/" + tampered, "/blueprints/unsigned")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            browser.get(base() + path);
            String page = browser.getPageSource();
            assertThat(page).as(path).contains("This blueprint link cannot be opened")
                    .doesNotContain("Exception", "at io.handoff", "Parcel delivered");
        }
    }

    private void open(String token) {
        browser.get(base() + "/blueprints/" + token);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(script("return !!window.blueprintPage")));
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
