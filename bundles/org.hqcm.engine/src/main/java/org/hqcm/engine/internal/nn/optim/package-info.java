/**
 * Optimisation: AdamW with decoupled weight decay (PyTorch's algorithm), SGD with momentum, and global-norm gradient
 * clipping, over every {@link org.hqcm.engine.internal.nn.Parameter} of the network, the quantum layer's included.
 *
 * <p>May use: ND4J, {@code org.hqcm.engine.internal.nn}'s parameters and the engine's exceptions.
 */
package org.hqcm.engine.internal.nn.optim;
