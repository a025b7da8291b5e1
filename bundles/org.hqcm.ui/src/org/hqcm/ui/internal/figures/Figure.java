package org.hqcm.ui.internal.figures;

/** Something drawn through a {@link Painter} into a given size: the same code for the screen, PNG and SVG. */
@FunctionalInterface
public interface Figure {

    void paint(Painter p, int width, int height);
}
