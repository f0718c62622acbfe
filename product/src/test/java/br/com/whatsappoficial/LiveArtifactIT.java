package br.com.whatsappoficial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The two jars the build packages (this runs after the package phase): the live one holds no trace of the
 * sandbox, the embedded default holds it.
 */
class LiveArtifactIT {

    @Test
    void theLiveJarLeavesTheSandboxOut() throws IOException {
        assertThat(libraries(jar("-live.jar"))).isNotEmpty().noneMatch(name -> name.contains("meta-sandbox"));
    }

    @Test
    void thePlainJarRunsTheEmbeddedDefaultWithTheSandbox() throws IOException {
        assertThat(libraries(jar("-SNAPSHOT.jar"))).anyMatch(name -> name.contains("meta-sandbox"));
    }

    private static Path jar(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no target/*" + suffix + ": run the package phase"));
        }
    }

    private static List<String> libraries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .toList();
        }
    }
}
