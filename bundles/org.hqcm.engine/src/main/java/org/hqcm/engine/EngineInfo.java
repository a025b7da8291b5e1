package org.hqcm.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;

/** Where a result came from: the engine's version, the source commit when known, the machine. */
public final class EngineInfo {

    private EngineInfo() {
    }

    /** The engine bundle's version (from its manifest), or "dev" when running from classes. */
    public static String version() {
        try (InputStream in = EngineInfo.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            if (in != null) {
                String v = new Manifest(in).getMainAttributes().getValue("Bundle-Version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException e) {
            // no manifest: a development build
        }
        return "dev";
    }

    /**
     * The git commit of the checkout the engine runs from ({@code hqcm.home}, set by ./hqcm), read from .git without
     * running git; empty when unknown.
     */
    public static String commit() {
        String home = System.getProperty("hqcm.home");
        if (home == null) {
            return "";
        }
        Path git = Path.of(home, ".git");
        try {
            String head = Files.readString(git.resolve("HEAD"), StandardCharsets.US_ASCII).trim();
            if (!head.startsWith("ref: ")) {
                return head;
            }
            String ref = head.substring(5);
            Path loose = git.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return Files.readString(loose, StandardCharsets.US_ASCII).trim();
            }
            Path packed = git.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.US_ASCII)) {
                    if (line.endsWith(" " + ref)) {
                        return line.substring(0, line.indexOf(' '));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a git checkout: the commit stays unknown
        }
        return "";
    }

    /** Host name, OS, cores and Java version. */
    public static String machine() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + " (" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ")";
    }
}
