/**
 * File helpers shared by every part of the engine: atomic writes (temp file + rename) so that a killed
 * process never leaves a half-written result, checkpoint or image behind.
 */
package org.hqcm.engine.io;
