package org.hqcm.model.sweep;

/**
 * One trial of a sweep: a configuration trained with one seed, run as an ordinary run into {@code runs/ID}.
 *
 * @param id   {@link TrialIds#trial}: stable across machines and restarts
 * @param seed the training seed (the run's {@code --seed}); the data and split follow the experiment's own seed
 */
public record Trial(String id, Configuration configuration, long seed) {
}
