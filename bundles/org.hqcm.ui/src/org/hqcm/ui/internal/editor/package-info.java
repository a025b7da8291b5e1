/**
 * The experiment editor for .hqcm files: a form bound to the EMF model through an editing domain (undo/redo on
 * its command stack), live validation shown in the form and as problem markers, the circuit drawn as it is
 * edited, and the XMI as a read-only page.
 */
package org.hqcm.ui.internal.editor;
