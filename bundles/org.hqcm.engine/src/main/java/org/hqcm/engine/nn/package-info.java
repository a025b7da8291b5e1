/**
 * The hybrid network of the paper on ND4J: convolutional backbone with BatchNorm, channel and spatial
 * attention, projection, quantum or classical head and classifier.
 *
 * <p>Every layer works in NHWC with buffers allocated once per batch size and reused, and has a
 * hand-written backward pass (checked against central finite differences in the tests): the measured
 * recipe of {@code notes/nd4j-performance.md}. SameDiff is not used, since its BatchNorm cannot be
 * differentiated in ND4J 1.0.0-M2.1 and its per-step session costs dominate at these sizes.
 */
package org.hqcm.engine.nn;
