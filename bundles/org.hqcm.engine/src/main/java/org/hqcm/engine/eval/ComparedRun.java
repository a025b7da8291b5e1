package org.hqcm.engine.eval;

/**
 * What the comparison needs of one evaluated run: its name, the test images it was evaluated on (ids in
 * order, true labels), its predictions and, when it has attention, its Jaccard result (null otherwise).
 */
public record ComparedRun(String name, int[] sampleIds, int[] labels, int[] predicted, AttentionJaccard.Result jaccard) {

    public ComparedRun {
        if (sampleIds.length != labels.length || labels.length != predicted.length) {
            throw new IllegalArgumentException("run '" + name + "': " + sampleIds.length + " ids, " + labels.length
                    + " labels, " + predicted.length + " predictions");
        }
    }

    public String fingerprint() {
        return TestSetFingerprint.of(sampleIds, labels);
    }
}
