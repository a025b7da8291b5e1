package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void selfContainedPageWithTableAndEmbeddedFigure() throws Exception {
        ClassificationReport r = ClassificationReport.of(ClassificationReportTest.Y_TRUE, ClassificationReportTest.Y_PRED,
                ClassificationReportTest.ABC);
        Path png = dir.resolve("confusion.png");
        EvaluationFigures.confusion(r.confusion(), "Confusion <test>", png);
        Path html = dir.resolve("report.html");
        HtmlReport.titled("Run a & b").heading("Table 1").table(ReportTables.table1("HQCM", r))
                .note("zero divisions: none").figure("Fig 9 <confusion>", png).write(html);

        String text = Files.readString(html);
        assertTrue(text.startsWith("<!DOCTYPE html>"));
        assertTrue(text.contains("<title>Run a &amp; b</title>"));
        assertTrue(text.contains("<td>Macro Avg</td><td>0.6111</td><td>0.6111</td><td>0.6032</td>"), text);
        assertTrue(text.contains("<figcaption>Fig 9 &lt;confusion&gt;</figcaption>"));
        // nothing is loaded from elsewhere
        assertFalse(Pattern.compile("(src|href)=\"(?!data:)").matcher(text).find());
        // the embedded image is the PNG, byte for byte, and decodes to the figure's size
        var m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(text);
        assertTrue(m.find());
        byte[] embedded = Base64.getDecoder().decode(m.group(1));
        assertEquals(Files.size(png), embedded.length);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(embedded));
        assertEquals(640, img.getWidth());
    }

    @Test
    void figuresHaveTheirSizes() throws Exception {
        Path loss = dir.resolve("loss.png");
        Path acc = dir.resolve("acc.png");
        Path tsne = dir.resolve("tsne.png");
        EvaluationFigures.lossCurves(new double[] {1, 0.5, 0.4}, new double[] {1.1, 0.7, 0.6}, "Loss", loss);
        EvaluationFigures.accuracyCurves(new double[] {0.5, 0.8, 0.9}, new double[] {0.4, 0.7, 0.8}, "Accuracy", acc);
        EvaluationFigures.tsne(new Tsne.Embedding(new double[][] {{0, 0}, {1, 1}}, 0), new int[] {0, 1}, List.of("a", "b"),
                "t-SNE", tsne);
        assertEquals(EvaluationFigures.WIDTH, ImageIO.read(loss.toFile()).getWidth());
        assertEquals(EvaluationFigures.HEIGHT, ImageIO.read(acc.toFile()).getHeight());
        assertEquals(600, ImageIO.read(tsne.toFile()).getHeight());
    }

    @Test
    void escapesMarkup() {
        assertEquals("&lt;b&gt; &amp; &quot;q&quot; &#39;", HtmlReport.escape("<b> & \"q\" '"));
    }
}
