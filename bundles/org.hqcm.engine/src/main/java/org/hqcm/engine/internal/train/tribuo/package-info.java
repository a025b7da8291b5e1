/**
 * The hybrid network behind Tribuo's API: {@link org.hqcm.engine.internal.train.tribuo.HqcmTrainer} is a
 * {@code Trainer<Label>} built from an experiment, whose provenance carries every attribute of that experiment by
 * feature path ({@link org.hqcm.model.validation.FeaturePaths#values}), {@link org.hqcm.engine.internal.train.tribuo.HqcmModel} a
 * {@code Model<Label>} whose predictions go through Tribuo's {@code LabelEvaluator}. Examples wrap the loaded samples
 * without copying pixels.
 *
 * <p>May use: Tribuo and OLCUT, {@code org.hqcm.engine.internal.train}, {@code nn}, {@code data}, the model's API.
 */
package org.hqcm.engine.internal.train.tribuo;
