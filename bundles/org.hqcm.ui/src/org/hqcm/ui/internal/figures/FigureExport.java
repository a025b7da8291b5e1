package org.hqcm.ui.internal.figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.model.resource.AtomicFiles;

/** Figures to PNG and SVG files (atomically), the save dialog, and the Export menu of a figure's control. */
public final class FigureExport {

    private FigureExport() {
    }

    /** The figure at {@code size}, drawn as on screen (the control's font) on white. */
    public static ImageData image(Control control, Figure figure, Point size) {
        Image image = new Image(control.getDisplay(), size.x, size.y);
        GC gc = new GC(image);
        GcPainter p = null;
        try {
            gc.setFont(control.getFont());
            p = new GcPainter(gc);
            p.fillRect(0, 0, size.x, size.y, 0xFFFFFF);
            figure.paint(p, size.x, size.y);
            return image.getImageData();
        } finally {
            if (p != null) {
                p.dispose();
            }
            gc.dispose();
            image.dispose();
        }
    }

    public static void writePng(Control control, Figure figure, Point size, Path file) throws IOException {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image(control, figure, size)};
        AtomicFiles.write(file, out -> loader.save(out, SWT.IMAGE_PNG));
    }

    /** The figure at {@code size} as an SVG document. */
    public static String svg(Control control, Figure figure, Point size) {
        Image probe = new Image(control.getDisplay(), 1, 1);
        GC gc = new GC(probe);
        try {
            gc.setFont(control.getFont());
            SvgPainter p = new SvgPainter(gc, size.x, size.y);
            figure.paint(p, size.x, size.y);
            return p.svg();
        } finally {
            gc.dispose();
            probe.dispose();
        }
    }

    public static void writeSvg(Control control, Figure figure, Point size, Path file) throws IOException {
        AtomicFiles.write(file, svg(control, figure, size).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Asks where to save: a save dialog that starts in {@code folder} (when it exists) with {@code fileName}, and
     * asks before it overwrites. Null when cancelled.
     */
    public static Path ask(Shell shell, Path folder, String fileName, String extension, String filterName) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(NLS.bind(Messages.FigureExport_title, fileName));
        dialog.setFilterExtensions(new String[] {"*." + extension, "*"});
        dialog.setFilterNames(new String[] {filterName, Messages.FigureExport_allFiles});
        if (folder != null && Files.isDirectory(folder)) {
            dialog.setFilterPath(folder.toString());
        }
        dialog.setFileName(fileName);
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return null;
        }
        Path path = Path.of(file);
        return path.getFileName().toString().contains(".") ? path : path.resolveSibling(path.getFileName() + "." + extension);
    }

    /** A short confirmation: "Saved NAME (12 KB) in FOLDER". */
    public static String saved(Path file) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        String size = bytes < 0 ? "?" : bytes < 10_000 ? bytes + " bytes"
                : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        return NLS.bind(Messages.FigureExport_saved, new Object[] {file.getFileName(), size, file.getParent()});
    }

    /** Where and under which name an export starts, asked when the menu is used. */
    public record Target(Path folder, String baseName) {
    }

    /**
     * Adds "Export as PNG..." and "Export as SVG..." to the control's context menu (made when it has none): the figure
     * at the control's current size; {@code done} gets the confirmation text of a saved file.
     */
    public static Menu addExportItems(Control control, Figure figure, Supplier<Target> target, Consumer<String> done) {
        Menu menu = control.getMenu();
        if (menu == null) {
            menu = new Menu(control);
            control.setMenu(menu);
        }
        item(menu, Messages.FigureExport_png, () -> export(control, figure, target.get(), "png", done));
        item(menu, Messages.FigureExport_svg, () -> export(control, figure, target.get(), "svg", done));
        return menu;
    }

    public static MenuItem item(Menu menu, String text, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        item.addListener(SWT.Selection, e -> action.run());
        return item;
    }

    private static void export(Control control, Figure figure, Target target, String extension, Consumer<String> done) {
        Path file = ask(control.getShell(), target.folder(), target.baseName() + "." + extension, extension,
                extension.toUpperCase(Locale.ROOT));
        if (file == null) {
            return;
        }
        Point size = control.getSize();
        try {
            if (extension.equals("png")) {
                writePng(control, figure, size, file);
            } else {
                writeSvg(control, figure, size, file);
            }
            done.accept(saved(file));
        } catch (IOException | RuntimeException e) {
            StatusManager.getManager().handle(Status.error(NLS.bind(Messages.FigureExport_failed, file,
                    e.getMessage()), e), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    /** File-name safe text: letters, digits, '-', '_' and '.', the rest as '-'. */
    public static String fileName(String text) {
        String s = text.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}
