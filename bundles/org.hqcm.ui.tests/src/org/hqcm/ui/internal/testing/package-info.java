/** Shared helpers of the UI tests: waiting for the UI, screenshots, real engine runs. */
package org.hqcm.ui.internal.testing;
