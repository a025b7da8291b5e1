package org.hqcm.engine.eval;

/** Checks on label arrays shared by the metrics and the paired tests. */
final class Labels {

    private Labels() {
    }

    static void check(int[] yTrue, int[] yPred, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("at least 2 classes are needed, got " + classes);
        }
        if (yTrue.length != yPred.length) {
            throw new IllegalArgumentException(yTrue.length + " true labels but " + yPred.length + " predictions");
        }
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] < 0 || yTrue[i] >= classes) {
                throw new IllegalArgumentException("true label of image " + i + " is " + yTrue[i] + ", expected 0.."
                        + (classes - 1));
            }
            if (yPred[i] < 0 || yPred[i] >= classes) {
                throw new IllegalArgumentException("prediction for image " + i + " is " + yPred[i] + ", expected 0.."
                        + (classes - 1));
            }
        }
    }
}
