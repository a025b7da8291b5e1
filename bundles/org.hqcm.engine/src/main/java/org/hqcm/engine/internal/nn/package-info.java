/**
 * The hybrid network of the paper on ND4J as a list of {@link org.hqcm.engine.internal.nn.Layer}s: the first block as one
 * GEMM with BatchNorm folded in ({@link org.hqcm.engine.internal.nn.PatchBlock}), convolution blocks with BatchNorm, channel and
 * spatial attention (whose map T_s leaves through a {@link org.hqcm.engine.internal.nn.Port}), projection, quantum or classical
 * head and classifier; {@link org.hqcm.engine.internal.nn.HybridNetwork} wires them.
 *
 * <p>Every layer works in NHWC with buffers allocated once per batch size and reused, and has a hand-written backward
 * pass, checked per layer against central finite differences in double precision (LayerGradientTest) and for the
 * whole network. Measured on this machine kind at 64 px (paper backbone, batch 64): reused buffers and hand-written
 * backward passes ~300 ms per step, the best SameDiff graph ~550-630 ms, DL4J's ComputationGraph ~1,300 ms. SameDiff
 * is not used, since its BatchNorm cannot be differentiated in ND4J 1.0.0-M2.1 and its per-step session costs
 * dominate at these sizes.
 *
 * <p>Internal (x-internal: the engine's own). May use: ND4J, {@code org.hqcm.engine.quantum} (the quantum head), the model's
 * {@code org.hqcm.model.validation.HqcmConstraints} (rules the layers share with validation); not the model's
 * classes, the trainer or anything that reads files.
 */
package org.hqcm.engine.internal.nn;
