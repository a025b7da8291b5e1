package org.hqcm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * The engine's API packages (those exported without x-internal; the IDE and the sweep module use them) load without
 * ND4J and Tribuo: no class they can reach through the engine's own classes refers to either. The IDE has no ND4J
 * bundle, so ND4J and Tribuo are optional imports of the engine bundle, and a reference added to an API class would
 * fail only there, with NoClassDefFoundError at run time; this test makes it fail the build instead. The classes'
 * dependencies come from the JDK's jdeps over the compiled classes (class-level, constant pool and signatures).
 *
 * <p>The CLI ({@code org.hqcm.engine.cli}) is API as a command line (its commands, options and exit codes) and runs
 * in the engine's own JVM with ND4J; of its classes the IDE names only {@code Main}, by its name, to start that JVM,
 * so the search neither starts nor continues there.
 */
class ApiClosureTest {

    /** The packages the IDE may load, as in the bundle's Export-Package without x-internal (the CLI aside). */
    private static final List<String> API = List.of("org.hqcm.engine", "org.hqcm.engine.eval", "org.hqcm.engine.plot",
            "org.hqcm.engine.quantum", "org.hqcm.engine.run", "org.hqcm.engine.sweep");
    private static final Pattern EDGE = Pattern.compile("^\\s+(org\\.hqcm\\.engine\\.[\\w.$]+)\\s+->\\s+([\\w.$]+)");
    private static final List<String> HEAVY = List.of("org.nd4j.", "org.tribuo.", "org.bytedeco.", "org.deeplearning4j.");
    /**
     * Where the search stops: the command line runs in the engine's own JVM with ND4J (a sweep's trial process starts
     * it through {@code Main}); reaching it is starting the engine, not loading ND4J into the IDE.
     */
    private static final String CLI = "org.hqcm.engine.cli.";

    @Test
    void theApiPackagesReachNeitherNd4jNorTribuo() throws Exception {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("org/hqcm/engine/run")), "compiled classes at " + classes.toAbsolutePath());
        Map<String, Set<String>> edges = dependencies(classes);
        Set<String> roots = new TreeSet<>();
        for (String c : edges.keySet()) {
            if (API.contains(packageOf(c))) {
                roots.add(c);
            }
        }
        assertTrue(roots.size() > 50, "the API classes were found: " + roots.size());
        List<String> offenders = new ArrayList<>();
        Map<String, String> reachedFrom = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        Set<String> seen = new HashSet<>(roots);
        while (!todo.isEmpty()) {
            String c = todo.pop();
            for (String d : edges.getOrDefault(c, Set.of())) {
                if (HEAVY.stream().anyMatch(d::startsWith)) {
                    offenders.add(path(c, reachedFrom) + " -> " + d);
                } else if (d.startsWith("org.hqcm.engine.") && !d.startsWith(CLI) && seen.add(d)) {
                    reachedFrom.put(d, c);
                    todo.push(d);
                }
            }
        }
        assertTrue(reaches(edges, "org.hqcm.engine.internal.train.ExperimentMapping"),
                "the search finds ND4J behind the network's mapping (it must, or it finds nothing)");
        assertTrue(offenders.isEmpty(), "API classes reach ND4J or Tribuo (move the class or the reference to an "
                + "internal package):\n" + String.join("\n", new TreeSet<>(offenders)));
    }

    private static boolean reaches(Map<String, Set<String>> edges, String from) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            for (String d : edges.getOrDefault(todo.pop(), Set.of())) {
                if (HEAVY.stream().anyMatch(d::startsWith)) {
                    return true;
                }
                if (d.startsWith("org.hqcm.engine.") && seen.add(d)) {
                    todo.push(d);
                }
            }
        }
        return false;
    }

    /** Class -> classes it refers to (nested classes folded into their top-level class). */
    private static Map<String, Set<String>> dependencies(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String classpath = System.getProperty("java.class.path");
        List<String> cp = new ArrayList<>();
        for (String e : classpath.split(File.pathSeparator)) {
            if (!e.isBlank() && !Path.of(e).toAbsolutePath().normalize().equals(classes.toAbsolutePath().normalize())) {
                cp.add(e);
            }
        }
        // -filter:none: jdeps leaves out dependencies within one package by default, and a leak can pass through one
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(err), "--multi-release", "17", "-verbose:class",
                "-filter:none",
                "-cp", String.join(File.pathSeparator, cp), classes.toString());
        assertTrue(code == 0, "jdeps failed (" + code + "): " + err);
        Map<String, Set<String>> edges = new HashMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                edges.computeIfAbsent(topLevel(m.group(1)), k -> new HashSet<>()).add(topLevel(m.group(2)));
            }
        }
        return edges;
    }

    private static String topLevel(String className) {
        int d = className.indexOf('$');
        return d < 0 ? className : className.substring(0, d);
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    private static String path(String c, Map<String, String> reachedFrom) {
        StringBuilder b = new StringBuilder(c);
        for (String p = reachedFrom.get(c); p != null; p = reachedFrom.get(p)) {
            b.append(" <- ").append(p);
        }
        return b.toString();
    }
}
