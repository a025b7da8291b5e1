/**
 * Optimisation: AdamW with decoupled weight decay (PyTorch's algorithm) and global-norm gradient clipping,
 * over every parameter of the network, the quantum layer's included.
 */
package org.hqcm.engine.nn.optim;
