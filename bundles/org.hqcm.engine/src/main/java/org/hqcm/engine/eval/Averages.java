package org.hqcm.engine.eval;

/** Precision, recall and F1 averaged over classes (macro: plain mean; weighted: by support). */
public record Averages(double precision, double recall, double f1) {
}
