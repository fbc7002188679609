package org.anodekmc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The kmc launcher script passes --heap and KMC_JAVA_OPTS to the JVM (checked with a stand-in for java). */
class LauncherTest {
    @TempDir
    Path tmp;

    /** A copy of the launcher beside an up-to-date jar, and a "java" that prints its arguments. */
    private Path setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path home = tmp.resolve("clone");
        Files.createDirectories(home.resolve("src/main"));
        Files.createDirectories(home.resolve("configs/materials"));
        Files.createDirectories(home.resolve("target"));
        Files.copy(Path.of("kmc"), home.resolve("kmc"));
        Files.writeString(home.resolve("pom.xml"), "");
        Path jar = Files.writeString(home.resolve("target/anodekmc.jar"), "");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // newer than the sources
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fakeJava = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"$*\"\n");
        Files.setPosixFilePermissions(fakeJava, Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_EXECUTE));
        return home;
    }

    private String[] launch(Path home, String javaOpts, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", home.resolve("kmc").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("KMC_JAVA_OPTS");
        if (javaOpts != null) {
            pb.environment().put("KMC_JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new String[]{String.valueOf(p.waitFor()), output};
    }

    @Test
    void heapAndJavaOptionsReachTheJvm() throws IOException, InterruptedException {
        Path home = setUp();
        String jar = home.resolve("target/anodekmc.jar").toString();
        String[] r = launch(home, null, "--heap", "16g", "run", "x.yaml");
        assertEquals("0", r[0], r[1]);
        assertEquals("-Xmx16g -jar " + jar + " run x.yaml", r[1]);
        r = launch(home, "-Xss2m", "--heap=512m", "validate", "y.yaml");
        assertEquals("-Xss2m -Xmx512m -jar " + jar + " validate y.yaml", r[1]);
        r = launch(home, null, "--heap", "lots", "run", "x.yaml");
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].startsWith("error: --heap needs a size such as 16g"), r[1]);
    }
}
