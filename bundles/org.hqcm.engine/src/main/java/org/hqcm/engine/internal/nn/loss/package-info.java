/**
 * The paper's composite loss: alpha * class-weighted cross-entropy + beta * (zeta * BCE + gamma * Dice)
 * between the spatial attention map T_s and the tumour mask on T_s's grid.
 *
 * <p>May use: the JDK and the engine's exceptions only (host arrays in, host arrays out).
 */
package org.hqcm.engine.internal.nn.loss;
