package org.hqcm.model.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The versions the Maven build and the Tycho target platform both pin are the same: the root pom's properties and
 * releng/org.hqcm.target's Maven locations (a .target file cannot read Maven properties, so each is written twice and
 * held equal here).
 */
class BuildVersionsTest {

    private static final Path ROOT = Path.of("../..");

    @Test
    void theTargetPlatformPinsWhatThePomPins() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String target = Files.readString(ROOT.resolve("releng/org.hqcm.target/org.hqcm.target.target"));
        Map<String, String> shared = Map.of("emf.common.version", "org.eclipse.emf.common",
                "emf.ecore.version", "org.eclipse.emf.ecore", "emf.xmi.version", "org.eclipse.emf.ecore.xmi",
                "junit.version", "junit-jupiter-api");
        for (Map.Entry<String, String> e : shared.entrySet()) {
            Matcher property = Pattern.compile("<" + Pattern.quote(e.getKey()) + ">([^<]+)</").matcher(pom);
            assertTrue(property.find(), e.getKey() + " in pom.xml");
            Matcher pinned = Pattern.compile("<artifactId>" + Pattern.quote(e.getValue()) + "</artifactId><version>([^<]+)</")
                    .matcher(target);
            assertTrue(pinned.find(), e.getValue() + " in the target");
            assertEquals(property.group(1), pinned.group(1), e.getKey() + " vs the target's " + e.getValue());
        }
    }
}
