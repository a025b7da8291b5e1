package org.hqcm.model.sweep;

import java.util.List;

import org.hqcm.model.Experiment;

/**
 * One configuration of a sweep: the base experiment with one value per axis applied.
 *
 * @param id         {@link TrialIds#configuration}
 * @param label      {@code path=value} per axis, joined by ", " ("base" without axes)
 * @param axisValues one value per axis, in axis order
 * @param experiment the experiment to run (a new object; relative source paths as in the base)
 */
public record Configuration(String id, String label, List<String> axisValues, Experiment experiment) {
}
