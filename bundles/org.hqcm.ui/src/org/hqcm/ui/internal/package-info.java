/** HQCM Studio workbench contributions: perspective and shared UI plumbing. */
package org.hqcm.ui.internal;
