package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;

class MapRendererTest {
    private final MapFixture fixture = new MapFixture();
    private final MapRenderer renderer = new MapRenderer();

    @Test
    void drawsTheParcelDepotAroundPatAsANonBlankPng() throws Exception {
        DependencyMap map = fixture.maps.build(fixture.tenant, new MapScope.Person(PersonId.of("pat"), 2));

        byte[] png = renderer.png(map);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        save("pat-depth-2.png", png);
        assertThat(image.getWidth()).isGreaterThan(600);
        assertThat(image.getHeight()).isGreaterThan(200);
        assertThat(distinctColours(image)).isGreaterThan(50);
        assertThat(nonWhiteShare(image)).isBetween(0.03, 0.6);
    }

    @Test
    void drawsTheOrgAtTeamLevel() throws Exception {
        DependencyMap map = fixture.maps.build(fixture.tenant, new MapScope.Org());
        byte[] png = renderer.png(map);
        save("org.png", png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(distinctColours(image)).isGreaterThan(50);
    }

    @Test
    void drawsATeamWithItsNeighbours() throws Exception {
        DependencyMap map = fixture.maps.build(fixture.tenant, new MapScope.Team(TeamId.of("ward"), 1));
        byte[] png = renderer.png(map);
        save("team-ward.png", png);
        String svg = renderer.svg(map);
        Files.writeString(Path.of("target/screenshots/team-ward.svg"), svg);
        assertThat(svg).contains("<svg xmlns=").contains("Ward 4 nursing").contains("Wen Li");
    }

    private static void save(String name, byte[] png) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), png);
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    static double nonWhiteShare(BufferedImage image) {
        long nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        return (double) nonWhite / ((long) image.getWidth() * image.getHeight());
    }
}
