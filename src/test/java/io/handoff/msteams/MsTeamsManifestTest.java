package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The Teams app package sources: a current-schema manifest with the placeholders the build fills in, and icons. */
class MsTeamsManifestTest {
    private static final Path DIR = Path.of("manifests", "teams");

    @Test
    void theManifestDeclaresTheBotInPersonalAndTeamScopesWithItsCommands() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(Files.readString(DIR.resolve("manifest.json")));

        assertThat(Double.parseDouble(manifest.path("manifestVersion").asString())).isGreaterThanOrEqualTo(1.17);
        assertThat(manifest.path("$schema").asString()).contains("v" + manifest.path("manifestVersion").asString());
        assertThat(manifest.path("id").asString()).isEqualTo("{{MICROSOFT_APP_ID}}");
        JsonNode bot = manifest.path("bots").get(0);
        assertThat(bot.path("botId").asString()).isEqualTo("{{MICROSOFT_APP_ID}}");
        assertThat(bot.path("scopes").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("personal", "team");
        JsonNode commands = bot.path("commandLists").get(0).path("commands");
        assertThat(commands.size()).isLessThanOrEqualTo(10);
        assertThat(commands.valueStream().map(c -> c.path("title").asString())).contains("home", "help", "customers",
                "map", "pause", "my-data", "forget-me", "story", "voice", "journey");
        JsonNode inTeams = bot.path("commandLists").valueStream()
                .filter(list -> list.path("scopes").valueStream().anyMatch(scope -> scope.asString().equals("team")))
                .findFirst().orElseThrow().path("commands");
        assertThat(inTeams.size()).isLessThanOrEqualTo(10);
        assertThat(inTeams.valueStream().map(c -> c.path("title").asString())).contains("help", "team-channel");
        assertThat(commands.valueStream().map(c -> c.path("title").asString())).doesNotContain("team-channel");
        assertThat(manifest.path("validDomains").get(0).asString()).isEqualTo("{{BOT_DOMAIN}}");
        // the Entra app whose Graph permissions (Presence.Read.All) the admin consents to in the Teams admin center
        assertThat(manifest.path("webApplicationInfo").path("id").asString()).isEqualTo("{{MICROSOFT_APP_ID}}");
        assertThat(manifest.path("name").path("short").asString().length()).isLessThanOrEqualTo(30);
        assertThat(manifest.path("description").path("short").asString().length()).isLessThanOrEqualTo(80);
    }

    @Test
    void theIconsHaveTheSizesTeamsRequires() throws Exception {
        BufferedImage color = ImageIO.read(new File(DIR.toFile(), "color.png"));
        BufferedImage outline = ImageIO.read(new File(DIR.toFile(), "outline.png"));

        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        // The outline icon is white on a transparent background.
        boolean transparent = false;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha == 0) {
                    transparent = true;
                } else {
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(transparent).isTrue();
    }
}
