package io.handoff.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Accessibility checks in a real browser: axe-core (a test resource, src/test/resources/axe, from the npm registry;
 * nothing is fetched at test time) injected into the page under test, keyboard walks, and reflow at phone width.
 */
public final class Accessibility {
    /** The two widths every state is checked at: a laptop and a phone (iPhone 12–15 viewport). */
    public static final List<Dimension> WIDTHS = List.of(new Dimension(1366, 900), new Dimension(390, 844));
    private static final String AXE = resource("/axe/axe.min.js");
    /** Runs axe on the whole document and answers the serious and critical violations, one line each. */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                    + v.nodes.slice(0, 6).map(n => n.target.join(' ')).join(' | '))))
              .catch(error => done(['axe could not run: ' + error]));
            """;

    private Accessibility() {
    }

    /** The serious and critical axe violations on the current page (axe is injected when it is not there yet). */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(AXE + "\n;window.axe = window.axe || axe;");
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        return new ArrayList<>((List<String>) js.executeAsyncScript(RUN));
    }

    /** Fails with axe's own words when the page in {@code state} has a serious or critical violation. */
    public static void assertNoSeriousViolations(WebDriver driver, String state) {
        assertThat(seriousViolations(driver)).as("serious or critical axe violations: " + state).isEmpty();
    }

    /** How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways). */
    public static long horizontalOverflow(WebDriver driver) {
        return (Long) ((JavascriptExecutor) driver).executeScript("const d = document.documentElement;"
                + " return Math.max(0, Math.max(d.scrollWidth, document.body.scrollWidth) - d.clientWidth);");
    }

    /**
     * Presses Tab up to {@code presses} times from the top of the page and answers what had the focus after each
     * press: the element's id, else its tag and text.
     */
    @SuppressWarnings("unchecked")
    public static List<String> tabWalk(WebDriver driver, int presses) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.activeElement && document.activeElement.blur(); window.focus();"
                + " document.body.setAttribute('tabindex', '-1'); document.body.focus();"
                + " document.body.removeAttribute('tabindex');");
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < presses; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            reached.add((String) js.executeScript("const e = document.activeElement; if (!e || e === document.body)"
                    + " return 'body'; return e.id ? '#' + e.id : e.tagName.toLowerCase() + ':'"
                    + " + (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().substring(0, 60);"));
        }
        return reached;
    }

    /** The ids and names of every visible, enabled control a person can operate on the page. */
    @SuppressWarnings("unchecked")
    public static List<String> visibleControls(WebDriver driver, String within) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll(arguments[0] + ' :is(button, select, input, textarea, a[href])'))
                  .filter(e => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
                     && !(e.getAttribute('role') === 'tab' && e.getAttribute('aria-selected') !== 'true')
                     && !(e.type === 'checkbox' && e.closest('[role=radiogroup]')))
                  .map(e => e.id ? '#' + e.id : e.tagName.toLowerCase() + ':'
                     + (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().substring(0, 60));
                """, within);
    }

    private static String resource(String name) {
        try (InputStream in = Accessibility.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
