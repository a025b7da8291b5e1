/**
 * Explanation maps of a trained network beside its attention map T_s (issue 17): Grad-CAM
 * ({@link org.hqcm.engine.internal.explain.GradCam}) on the last backbone block and on the attention-modulated features
 * F * (1 + T_s), through the network's own backward pass from a chosen class logit
 * ({@link org.hqcm.engine.internal.nn.HybridNetwork#logitGradient}), and occlusion sensitivity
 * ({@link org.hqcm.engine.internal.explain.Occlusion}); {@link org.hqcm.engine.internal.explain.Explainer} computes all of them for a
 * batch of images and times each method. Every map explains the class the network predicts. Scoring the maps against
 * masks is evaluation's ({@code eval.ExplanationScores}).
 *
 * <p>Internal (x-internal: the engine's own). May use: {@code org.hqcm.engine.internal.nn} (the network, its layers' outputs and gradients; softmax), ND4J to read the
 * network's arrays, the model's ExplanationMethod literals and {@code run.ExplanationMaps}'s labels (one name per
 * method in every report); not the trainer, files or the run folder's writing.
 */
package org.hqcm.engine.internal.explain;
