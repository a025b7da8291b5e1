/** HQCM views: the circuit diagram (more views come with the run and comparison work). */
package org.hqcm.ui.internal.views;
