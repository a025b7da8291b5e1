package org.hqcm.ui.internal.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.run.AttentionExamples;
import org.hqcm.engine.run.ExplanationMaps;
import org.hqcm.engine.run.TestImages;
import org.hqcm.engine.run.TestPredictions;
import org.hqcm.model.ExplanationMethod;

/**
 * The error drill-down: the test images of one confusion cell of one run (true class t, predicted class p), each
 * with its tumour mask, and for every compared run its attention map T_s over the image, its prediction and its
 * probabilities, side by side, and under T_s the run's other explanations of the image (Grad-CAM on the last block and
 * on F*(1+T_s), occlusion) where it explained it. Reads predictions.csv, test-images.zip and explanation-maps.zip of
 * each run folder (the engine writes them);
 * a run made before test-images.zip existed shows the images its attention-examples.zip holds and says so for the
 * rest. Runs on another test set say so instead of pairing other images by id.
 */
public final class CellImagesView extends ViewPart {

    /** Id of this view, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.views.cellImages";
    /** At most this many images of a cell are shown (a diagonal cell of the paper's test set holds hundreds). */
    static final int MAX_IMAGES = 48;
    private static final int CELL = 112;
    /** The explanation overlays beside T_s are smaller: three of them take little more than two T_s overlays. */
    private static final int SMALL = 80;

    /**
     * One image row as shown: the sample, and per run the caption under its overlay and the explanation methods shown
     * beside T_s (Grad-CAM, occlusion; empty where the run did not explain the image) (tests read them).
     */
    public record Row(int sampleId, int trueClass, List<String> captions, List<Boolean> overlays,
            List<List<String>> explanations) {
    }

    private ScrolledComposite scroller;
    private Composite body;
    private Label heading;
    private final List<Image> images = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private String headingText = "";

    /** Opens (or brings up) the view on a cell. */
    public static CellImagesView open(IWorkbenchPage page, List<IContainer> runs, int run, int trueClass,
            int predictedClass) throws PartInitException {
        CellImagesView view = (CellImagesView) page.showView(ID);
        view.show(runs, run, trueClass, predictedClass);
        return view;
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        heading = new Label(parent, SWT.WRAP);
        heading.setFont(JFaceResources.getBannerFont());
        heading.setText(Messages.CellImagesView_none);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(heading);
        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        body = new Composite(scroller, SWT.NONE);
        scroller.setContent(body);
        // the wheel scrolls the list of images by a row at a time rather than a few pixels
        scroller.getVerticalBar().setIncrement(CELL / 2);
    }

    /**
     * Shows the images that run {@code run} of {@code runs} put in cell (trueClass, predictedClass), each with what
     * every run of {@code runs} made of it.
     */
    public void show(List<IContainer> runs, int run, int trueClass, int predictedClass) {
        clear();
        List<Path> dirs = runs.stream().map(f -> f.getLocation().toPath()).toList();
        List<String> names = runs.stream().map(IContainer::getName).toList();
        List<TestPredictions> predictions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path d : dirs) {
            try {
                predictions.add(TestPredictions.read(d));
            } catch (BadInputException | org.eclipse.emf.common.util.WrappedException e) {
                predictions.add(null);
                problems.add(e.getMessage());
            }
        }
        TestPredictions clicked = predictions.get(run);
        if (clicked == null) {
            setHeading(NLS.bind(Messages.CellImagesView_unreadable, names.get(run), problems.get(0)));
            layout();
            return;
        }
        List<String> classes = clicked.classNames();
        List<Integer> cell = clicked.cell(trueClass, predictedClass);
        int shown = Math.min(MAX_IMAGES, cell.size());
        setHeading(NLS.bind(Messages.CellImagesView_heading, new Object[] {classes.get(trueClass),
            classes.get(predictedClass), names.get(run), cell.size(),
            shown < cell.size() ? NLS.bind(Messages.CellImagesView_first, shown) : ""}));
        GridLayout grid = new GridLayout(3 + runs.size(), false);
        grid.horizontalSpacing = 10;
        body.setLayout(grid);
        header(Messages.CellImagesView_image);
        header(Messages.CellImagesView_input);
        header(Messages.CellImagesView_mask);
        names.forEach(this::header);
        List<Map<Integer, Integer>> positions = new ArrayList<>();
        List<TestImages> files = new ArrayList<>();
        List<AttentionExamples> examples = new ArrayList<>();
        List<ExplanationMaps> explanations = new ArrayList<>();
        try {
            for (int r = 0; r < runs.size(); r++) {
                TestPredictions p = predictions.get(r);
                boolean sameTestSet = p != null && Arrays.equals(p.sampleIds(), clicked.sampleIds())
                        && Arrays.equals(p.labels(), clicked.labels());
                positions.add(sameTestSet ? p.positions() : null);
                files.add(sameTestSet ? openImages(dirs.get(r)) : null);
                examples.add(sameTestSet && files.get(r) == null ? examples(dirs.get(r)) : null);
                explanations.add(sameTestSet ? openExplanations(dirs.get(r)) : null);
            }
            for (int i = 0; i < shown; i++) {
                row(clicked, cell.get(i), classes, predictions, positions, files, examples, explanations);
            }
        } finally {
            files.stream().filter(f -> f != null).forEach(TestImages::close);
            explanations.stream().filter(f -> f != null).forEach(ExplanationMaps::close);
        }
        layout();
    }

    private void row(TestPredictions clicked, int position, List<String> classes, List<TestPredictions> predictions,
            List<Map<Integer, Integer>> positions, List<TestImages> files, List<AttentionExamples> examples,
            List<ExplanationMaps> explanations) {
        int sample = clicked.sampleIds()[position];
        int label = clicked.labels()[position];
        Label id = new Label(body, SWT.NONE);
        id.setText(NLS.bind(Messages.CellImagesView_sample, sample, classes.get(label)));
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(id);
        // the input and mask are the same in every run of one test set: taken from the first run that kept them
        float[][][] pictures = null;
        for (int r = 0; r < files.size() && pictures == null; r++) {
            pictures = pictures(files.get(r), examples.get(r), positions.get(r), sample);
        }
        picture(pictures == null ? null : TestImageRendering.grey(pictures[0], CELL));
        picture(pictures == null ? null : TestImageRendering.grey(pictures[1], CELL));
        List<String> captions = new ArrayList<>();
        List<Boolean> overlays = new ArrayList<>();
        List<List<String>> explained = new ArrayList<>();
        for (int r = 0; r < predictions.size(); r++) {
            Composite column = new Composite(body, SWT.NONE);
            GridLayout l = new GridLayout(1, false);
            l.marginWidth = 0;
            l.marginHeight = 0;
            column.setLayout(l);
            GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(column);
            Integer pos = positions.get(r) == null ? null : positions.get(r).get(sample);
            float[][][] own = pos == null ? null : pictures(files.get(r), examples.get(r), positions.get(r), sample);
            String caption;
            if (pos == null) {
                caption = predictions.get(r) == null ? Messages.CellImagesView_noPredictions
                        : Messages.CellImagesView_otherTestSet;
            } else {
                caption = caption(predictions.get(r), pos, classes);
                if (own == null) {
                    caption += "\n" + Messages.CellImagesView_noImage;
                }
            }
            boolean overlay = own != null && own[2] != null;
            if (own != null) {
                Label image = new Label(column, SWT.NONE);
                image.setImage(image(overlay ? TestImageRendering.overlay(own[0], own[2], CELL)
                        : TestImageRendering.grey(own[0], CELL)));
            }
            explained.add(own == null ? List.of() : explanations(column, own[0], explanations.get(r), pos));
            Label text = new Label(column, SWT.WRAP);
            text.setText(caption);
            GridDataFactory.fillDefaults().hint(Math.max(CELL, 170), SWT.DEFAULT).applyTo(text);
            if (pos != null) {
                boolean right = predictions.get(r).predicted()[pos] == predictions.get(r).labels()[pos];
                text.setForeground(body.getDisplay().getSystemColor(right ? SWT.COLOR_DARK_GREEN : SWT.COLOR_DARK_RED));
            }
            captions.add(caption);
            overlays.add(overlay);
        }
        rows.add(new Row(sample, label, List.copyOf(captions), List.copyOf(overlays), List.copyOf(explained)));
    }

    /**
     * Under the run's T_s overlay, its other explanations of the image side by side (Grad-CAM on the last block and on
     * F*(1+T_s), occlusion), each as scored (normalised per image), with a tooltip naming it; the methods shown.
     */
    private List<String> explanations(Composite column, float[][] image, ExplanationMaps maps, Integer pos) {
        if (maps == null || pos == null || !maps.has(pos)) {
            return List.of();
        }
        Composite strip = new Composite(column, SWT.NONE);
        GridLayout l = new GridLayout(3, false);
        l.marginWidth = 0;
        l.marginHeight = 0;
        l.horizontalSpacing = 2;
        strip.setLayout(l);
        List<String> shown = new ArrayList<>();
        for (Map.Entry<ExplanationMethod, float[][]> e : maps.maps(pos).entrySet()) {
            if (e.getKey() == ExplanationMethod.ATTENTION) {
                continue; // the large overlay above is T_s
            }
            Composite cell = new Composite(strip, SWT.NONE);
            GridLayout cl = new GridLayout(1, false);
            cl.marginWidth = 0;
            cl.marginHeight = 0;
            cl.verticalSpacing = 0;
            cell.setLayout(cl);
            String name = ExplanationMaps.label(e.getKey());
            Label picture = new Label(cell, SWT.NONE);
            picture.setImage(image(TestImageRendering.overlay(image, e.getValue(), SMALL)));
            picture.setToolTipText(NLS.bind(Messages.CellImagesView_explanation, name));
            // wrapped at the picture's width: a wider caption would push the next picture away from its neighbours
            Label caption = new Label(cell, SWT.WRAP);
            caption.setText(name.replace(" on F*(1+T_s)", " F*(1+T_s)"));
            GridDataFactory.fillDefaults().hint(SMALL, SWT.DEFAULT).applyTo(caption);
            caption.setFont(JFaceResources.getFontRegistry().getItalic(JFaceResources.DEFAULT_FONT));
            shown.add(name);
        }
        return List.copyOf(shown);
    }

    /** "wrong: predicted glioma (0.62)" and every class's probability. */
    static String caption(TestPredictions p, int pos, List<String> classes) {
        int predicted = p.predicted()[pos];
        boolean right = predicted == p.labels()[pos];
        StringBuilder b = new StringBuilder(NLS.bind(right ? Messages.CellImagesView_right : Messages.CellImagesView_wrong,
                classes.get(predicted), String.format(Locale.ROOT, "%.2f", p.probabilities()[pos][predicted])));
        for (int k = 0; k < classes.size(); k++) {
            b.append('\n').append(String.format(Locale.ROOT, "p(%s) %.3f", classes.get(k), p.probabilities()[pos][k]));
        }
        return b.toString();
    }

    /** {image, mask, map} of a sample from the run's test images, or from its attention examples; null if neither. */
    private static float[][][] pictures(TestImages files, AttentionExamples examples, Map<Integer, Integer> positions,
            int sample) {
        Integer pos = positions == null ? null : positions.get(sample);
        if (pos == null) {
            return null;
        }
        if (files != null) {
            TestImages.Image i = files.image(pos);
            return new float[][][] {i.pixels(), i.mask(), i.map()};
        }
        if (examples != null) {
            for (AttentionExamples.Example e : examples.examples()) {
                if (e.sampleId() == sample) {
                    return new float[][][] {e.image(), e.mask(), e.map()};
                }
            }
        }
        return null;
    }

    private static TestImages openImages(Path dir) {
        try {
            return TestImages.exist(dir) ? TestImages.open(dir) : null;
        } catch (BadInputException e) {
            return null;
        }
    }

    private static ExplanationMaps openExplanations(Path dir) {
        try {
            return ExplanationMaps.exist(dir) ? ExplanationMaps.open(dir) : null;
        } catch (BadInputException e) {
            return null;
        }
    }

    private static AttentionExamples examples(Path dir) {
        Path f = dir.resolve(AttentionExamples.FILE);
        try {
            return java.nio.file.Files.isRegularFile(f) ? AttentionExamples.read(f) : null;
        } catch (BadInputException e) {
            return null;
        }
    }

    private void header(String text) {
        Label l = new Label(body, SWT.WRAP);
        l.setText(text);
        l.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        GridDataFactory.fillDefaults().hint(Math.max(CELL, 170), SWT.DEFAULT).applyTo(l);
    }

    private void picture(ImageData data) {
        Label l = new Label(body, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(l);
        if (data != null) {
            l.setImage(image(data));
        } else {
            l.setText(Messages.CellImagesView_noImage);
        }
    }

    private Image image(ImageData data) {
        Image i = new Image(body.getDisplay(), data);
        images.add(i);
        return i;
    }

    private void setHeading(String text) {
        headingText = text;
        heading.setText(text);
        setContentDescription("");
        heading.getParent().layout(true);
    }

    private void clear() {
        for (Control c : body.getChildren()) {
            c.dispose();
        }
        images.forEach(Image::dispose);
        images.clear();
        rows.clear();
    }

    private void layout() {
        body.layout(true, true);
        scroller.setMinSize(body.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    /** The heading: which cell of which run, how many images (tests). */
    public String heading() {
        return headingText;
    }

    /** The image rows shown, in test order (tests). */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    @Override
    public void setFocus() {
        scroller.setFocus();
    }

    @Override
    public void dispose() {
        images.forEach(Image::dispose);
        super.dispose();
    }
}
