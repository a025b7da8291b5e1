/**
 * The Compare Runs view: parameters and metrics of two or more runs side by side (with deltas to the first),
 * their validation curves overlaid, and the comparison as Markdown or CSV.
 */
package org.hqcm.ui.internal.compare;
