/**
 * Files of the engine: named-array archives for checkpoints and trained models, and PNG images, written atomically
 * through the model bundle's {@code AtomicFiles} so that a killed process never leaves a half-written file behind.
 */
package org.hqcm.engine.io;
