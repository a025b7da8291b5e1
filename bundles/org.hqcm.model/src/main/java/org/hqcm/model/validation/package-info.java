/**
 * Validation of experiments: {@link org.hqcm.model.validation.HqcmConstraints} is the EMF EValidator with the
 * project's rules (used by the IDE's markers and EMF's Validate action), and
 * {@link org.hqcm.model.validation.ExperimentValidator} runs it and returns plain
 * {@link org.hqcm.model.validation.Problem}s for the CLI and the engine. Every message names the feature, the
 * value and what is allowed.
 *
 * <p>May use: EMF and the model's API; nothing of the engine (the engine uses this package's rules).
 */
package org.hqcm.model.validation;
