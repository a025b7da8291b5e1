package org.hqcm.engine.eval;

/**
 * What the comparison needs of one evaluated run: its name, the test images it was evaluated on (ids in
 * order, true labels), its predictions and, when it has attention, its Jaccard result (null otherwise); its
 * explanation scores (null for a run without) and its calibration and out-of-distribution figures.
 */
public record ComparedRun(String name, int[] sampleIds, int[] labels, int[] predicted, AttentionJaccard.Result jaccard,
        ExplanationScores explanations, ConfidenceSummary confidence) {

    public ComparedRun {
        if (sampleIds.length != labels.length || labels.length != predicted.length) {
            throw new IllegalArgumentException("run '" + name + "': " + sampleIds.length + " ids, " + labels.length
                    + " labels, " + predicted.length + " predictions");
        }
        confidence = confidence == null ? ConfidenceSummary.NONE : confidence;
    }

    /** A run with predictions and attention Jaccard only. */
    public ComparedRun(String name, int[] sampleIds, int[] labels, int[] predicted, AttentionJaccard.Result jaccard) {
        this(name, sampleIds, labels, predicted, jaccard, null, ConfidenceSummary.NONE);
    }

    public String fingerprint() {
        return TestSetFingerprint.of(sampleIds, labels);
    }
}
