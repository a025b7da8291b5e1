package org.hqcm.ui.internal.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hqcm.model.HqcmFactory;
import org.hqcm.model.RunRecord;
import org.hqcm.model.TestMetrics;
import org.hqcm.model.presets.Presets;
import org.junit.jupiter.api.Test;

/** Parameters, deltas and exports of records built with the EMF API (no engine needed for the arithmetic). */
class RunComparisonTest {

    private static RunRecord record(String preset, double accuracy, String description) {
        RunRecord r = HqcmFactory.eINSTANCE.createRunRecord();
        r.setExperiment(Presets.create(preset));
        r.getExperiment().setDescription(description);
        TestMetrics t = HqcmFactory.eINSTANCE.createTestMetrics();
        t.setAccuracy(accuracy);
        r.setTestMetrics(t);
        return r;
    }

    @Test
    void deltasAreToTheFirstRun() {
        RunComparison c = new RunComparison(List.of("a", "b"), List.of(record(Presets.HQCM_EBTC, 0.9, "x"),
                record(Presets.CLASSICAL, 0.85, "y")));
        RunComparison.Row accuracy = c.metrics().stream().filter(r -> r.name().equals("accuracy")).findFirst().orElseThrow();
        assertEquals(List.of("0.9000", "0.8500"), accuracy.cells(), "plain numbers");
        RunComparison.Row delta = c.metricDeltas().stream().filter(r -> r.name().equals("accuracy")).findFirst()
                .orElseThrow();
        assertEquals(List.of("-0.0500"), delta.cells(), "run - first run, in its own column");
        assertEquals(List.of("b - a"), c.deltaTitles());
        assertEquals("delta = run - first run (a)", c.deltaConvention());
        assertTrue(c.toCsv().startsWith("section,name,a,b,b - a\r\nmetric,epochs,0,0,0\r\n"), c.toCsv());
        assertTrue(c.toCsv().contains("\r\nmetric,accuracy,0.9000,0.8500,-0.0500\r\n"), c.toCsv());
        List<String> differing = c.parameters(true).stream().map(RunComparison.Row::name).toList();
        assertTrue(differing.contains("architecture.head.type"), differing.toString());
        assertTrue(differing.contains("architecture.head.qubits"), "a parameter one run lacks is a difference");
        assertTrue(!differing.contains("training.learningRate"), differing.toString());
    }

    @Test
    void exportsQuoteWhatNeedsIt() {
        RunComparison c = new RunComparison(List.of("a", "b"), List.of(record(Presets.QUICKSTART, 0.5, "one, \"two\""),
                record(Presets.QUICKSTART, 0.5, "a|b")));
        String csv = c.toCsv();
        assertTrue(csv.contains("parameter,description,\"one, \"\"two\"\"\",a|b,\r\n"), csv);
        String md = c.toMarkdown();
        assertTrue(md.contains("| description | one, \"two\" | a\\|b |"), md);
        assertTrue(md.contains("|---|---|---|"), md);
    }

    @Test
    void foldersThatAreNoRunsGetTheEnginesReasonInsteadOfStatistics() throws Exception {
        Path dir = Files.createTempDirectory("hqcm-compare");
        Path a = Files.createDirectory(dir.resolve("first"));
        Path b = Files.createDirectory(dir.resolve("second"));
        PairedStatistics s = PairedStatistics.of(List.of(a, b));
        assertEquals(null, s.engine());
        assertTrue(s.rows().isEmpty());
        assertTrue(s.hasUnavailable());
        assertEquals(null, s.unavailable(0), "the reference's reason is given for the runs paired with it");
        assertTrue(s.unavailable(1).contains(a.toString()), s.unavailable(1));
        RunComparison c = new RunComparison(List.of("first", "second"), List.of(record(Presets.QUICKSTART, 0.5, ""),
                record(Presets.QUICKSTART, 0.6, ""))).withStatistics(s);
        String md = c.toMarkdown();
        assertTrue(md.contains("## Paired statistics against first\n\n- No paired statistics for second: "), md);
        String csv = c.toCsv();
        assertTrue(csv.contains("\r\nstatistic,not available because,,"), csv);
        String pending = new RunComparison(List.of("first", "second"), c.records()).toMarkdown();
        assertTrue(pending.contains("Not computed yet."), pending);
        Files.delete(a);
        Files.delete(b);
        Files.delete(dir);
    }

    @Test
    void needsTwoRuns() {
        assertThrows(IllegalArgumentException.class,
                () -> new RunComparison(List.of("a"), List.of(record(Presets.QUICKSTART, 0.5, ""))));
    }
}
