/**
 * New experiments: {@link org.hqcm.model.presets.ExperimentDefaults} fills every part of an experiment with the
 * project's defaults (the single place for the many-valued ones EMF cannot default), and
 * {@link org.hqcm.model.presets.Presets} names the ready-made experiments ({@code quickstart}, {@code hqcm-ebtc},
 * {@code classical}).
 *
 * <p>May use: the model's API only.
 */
package org.hqcm.model.presets;
