package dev.mgmt.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class OwnResourcesTest {
    @Test
    void names_resolve_as_class_resources_do() {
        assertEquals("dev/mgmt/process/x.bin", OwnResources.absolute(OwnResources.class, "x.bin"));
        assertEquals("dev/mgmt/version.properties", OwnResources.absolute(OwnResources.class, "/dev/mgmt/version.properties"));
        assertEquals("dev/mgmt/cli/model/commands.model",
            OwnResources.absolute(dev.mgmt.cli.model.CommandModels.class, "commands.model"));
    }

    @Test
    void reads_from_the_jar_when_it_holds_the_name(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("mgmt.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("dev/mgmt/process/x.bin"));
            out.write("from the jar".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = OwnResources.open(zip, OwnResources.class, "x.bin")) {
            assertEquals("from the jar", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void asks_the_class_loader_for_what_the_jar_lacks_or_without_a_jar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("other.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("unrelated"));
            out.closeEntry();
        }
        byte[] expected;
        try (InputStream in = Version.class.getResourceAsStream("/dev/mgmt/version.properties")) {
            assertNotNull(in, "the build writes version.properties");
            expected = in.readAllBytes();
        }
        try (ZipFile zip = new ZipFile(jar.toFile());
             InputStream fromLoader = OwnResources.open(zip, Version.class, "/dev/mgmt/version.properties");
             InputStream noJar = OwnResources.open(null, Version.class, "/dev/mgmt/version.properties")) {
            assertArrayEquals(expected, fromLoader.readAllBytes());
            assertArrayEquals(expected, noJar.readAllBytes());
        }
        assertNull(OwnResources.open(null, Version.class, "no-such-resource"));
    }
}
