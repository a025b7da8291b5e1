/**
 * The hybrid network behind Tribuo's API: {@link org.hqcm.engine.train.tribuo.HqcmTrainer} is a
 * {@code Trainer<Label>} whose {@code @Config} fields record the whole experiment in Tribuo's provenance,
 * {@link org.hqcm.engine.train.tribuo.HqcmModel} a {@code Model<Label>} whose predictions go through Tribuo's
 * {@code LabelEvaluator}. Examples wrap the loaded samples without copying pixels.
 */
package org.hqcm.engine.train.tribuo;
