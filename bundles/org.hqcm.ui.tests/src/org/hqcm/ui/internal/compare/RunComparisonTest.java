package org.hqcm.ui.internal.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of("0.9000", "0.8500 (-0.0500)"), accuracy.cells());
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
        assertTrue(csv.contains("parameter,description,\"one, \"\"two\"\"\",a|b\r\n"), csv);
        String md = c.toMarkdown();
        assertTrue(md.contains("| description | one, \"two\" | a\\|b |"), md);
        assertTrue(md.contains("|---|---|---|"), md);
    }

    @Test
    void needsTwoRuns() {
        assertThrows(IllegalArgumentException.class,
                () -> new RunComparison(List.of("a"), List.of(record(Presets.QUICKSTART, 0.5, ""))));
    }
}
