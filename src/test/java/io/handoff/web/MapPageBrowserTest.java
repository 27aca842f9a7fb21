package io.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.map.MapLinks;
import io.handoff.map.MapScope;
import io.handoff.testing.TestRedis;

/**
 * The interactive map in a real headless Chromium (Debian packages chromium and chromium-driver): it opens from a
 * signed link, filters by team and criticality, re-centres on a click within the viewer's rights, and refuses
 * tampered and expired links. Saves a screenshot to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MapPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final TenantId TENANT = TestRedis.uniqueTenant();
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
    static void start(@Autowired GraphStore store) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs the Debian packages chromium and chromium-driver");
        SampleOrganisation.load(store, TENANT, Instant.now().truncatedTo(ChronoUnit.SECONDS));
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
    void opensFromASignedLinkAndFiltersByTeamAndCriticality() throws Exception {
        open(links.sign(links.grant(TENANT, PersonId.of("pat"), new MapScope.Person(PersonId.of("pat"), 2))));

        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Handoffs around Pat Okafor (depth 2)");
        assertThat(visiblePeople()).containsExactly("chris", "dana", "mia", "pat", "sam");
        Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(screenshots.resolve("interactive-map-pat.png"), browser.getScreenshotAs(OutputType.BYTES));

        new Select(browser.findElement(By.id("team-filter"))).selectByVisibleText("Delivery drivers");
        assertThat(visiblePeopleOnceSettled(List.of("dana"))).containsExactly("dana");

        new Select(browser.findElement(By.id("team-filter"))).selectByValue("all");
        new Select(browser.findElement(By.id("criticality-filter"))).selectByValue("critical");
        assertThat(visiblePeopleOnceSettled(List.of("dana", "pat", "sam"))).containsExactly("dana", "pat", "sam");
        assertThat(script("return handoffMap.cy.edges().filter(e => e.visible()).map(e => e.source().id() + '>' "
                + "+ e.target().id()).sort()")).isEqualTo(List.of("pat>dana", "sam>pat"));
        Files.write(screenshots.resolve("interactive-map-pat-critical.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void showsAnEdgeOnClickAndReCentresOnlyWhereTheViewerMaySee() {
        open(links.sign(links.grant(TENANT, PersonId.of("ravi"), new MapScope.Team(TeamId.of("drivers"), 1))));

        script("handoffMap.cy.edges().filter(e => e.source().id() === 'pat' && e.target().id() === 'dana').emit('tap')");
        assertThat(browser.findElement(By.id("edge-what")).getText()).isEqualTo("truck loaded in delivery order");
        assertThat(browser.findElement(By.id("edge-status")).getText()).startsWith("unconfirmed");
        assertThat(browser.findElement(By.id("edge-friction")).getText()).contains("not shown");

        script("handoffMap.cy.getElementById('dana').emit('tap')");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Long.valueOf(2).equals(script("return handoffMap.loads")));
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Handoffs around Dana Kowalski (depth 1)");

        script("handoffMap.cy.getElementById('pat').emit('tap')");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> script("return handoffMap.error") != null);
        assertThat(browser.findElement(By.id("message")).getText()).contains("only for teams you manage");
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Handoffs around Dana Kowalski (depth 1)");
    }

    @Test
    void refusesTamperedAndExpiredLinks() {
        String token = links.sign(links.grant(TENANT, PersonId.of("pat"), new MapScope.Person(PersonId.of("pat"), 2)));
        MapLinks yesterday = new MapLinks(MapWebTest.LINK_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Clock.fixed(Instant.now().minus(Duration.ofHours(25)), ZoneOffset.UTC), Duration.ofHours(24),
                java.net.URI.create("http://localhost"));

        browser.get(base() + "/maps/" + token.substring(0, token.length() - 2) + "xy");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This map link cannot be opened");
        assertThat(browser.findElement(By.tagName("p")).getText()).contains("not valid");

        browser.get(base() + "/maps/" + yesterday.sign(yesterday.grant(TENANT, PersonId.of("pat"),
                new MapScope.Person(PersonId.of("pat"), 2))));
        assertThat(browser.findElement(By.tagName("p")).getText()).contains("expired");
    }

    private void open(String token) {
        browser.get(base() + "/maps/" + token);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(script("return !!(window.handoffMap && window.handoffMap.ready)")));
    }

    @SuppressWarnings("unchecked")
    private List<String> visiblePeople() {
        return (List<String>) script("return handoffMap.cy.nodes().filter(n => !n.isParent() && n.visible())"
                + ".map(n => n.id()).sort()");
    }

    /**
     * The visible people once they are {@code expected}, or after 10 s whatever they are then: on a loaded machine a
     * select's change event can reach the page's filter a moment after Selenium returned.
     */
    private List<String> visiblePeopleOnceSettled(List<String> expected) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> expected.equals(visiblePeople()));
        } catch (org.openqa.selenium.TimeoutException notSettled) {
            // the assertion that follows shows what is visible
        }
        return visiblePeople();
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
