package org.hqcm.engine.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.hqcm.model.resource.AtomicFiles;

/**
 * A self-contained HTML page (one file, no external resources: images are embedded as data URIs and the
 * style is inline) that reads offline. Built from headings, paragraphs, {@link Table}s and PNG figures.
 * Immutable: every method returns a new report.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"DejaVu Sans",sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
            h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:1em 0;font-size:.92em}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}
            th:first-child,td:first-child{text-align:left}
            th{background:#f3f3f3}
            figure{margin:1em 0}figure img{max-width:100%;border:1px solid #eee}
            figcaption{font-size:.9em;color:#555}
            .note{color:#555;font-size:.9em}
            """;

    private final String title;
    private final List<String> parts;

    private HtmlReport(String title, List<String> parts) {
        this.title = title;
        this.parts = parts;
    }

    public static HtmlReport titled(String title) {
        return new HtmlReport(title, List.of());
    }

    public HtmlReport heading(String text) {
        return add("<h2>" + escape(text) + "</h2>");
    }

    public HtmlReport paragraph(String text) {
        return add("<p>" + escape(text) + "</p>");
    }

    /** A small grey note (conventions, how a p-value was computed). */
    public HtmlReport note(String text) {
        return add("<p class=\"note\">" + escape(text) + "</p>");
    }

    public HtmlReport table(Table table) {
        StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
        for (String h : table.header()) {
            sb.append("<th>").append(escape(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            sb.append("<tr>");
            for (String c : row) {
                sb.append("<td>").append(escape(c)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return add(sb.append("</tbody>\n</table>").toString());
    }

    /** Embeds PNG bytes with a caption. */
    public HtmlReport figure(String caption, byte[] png) {
        return add("<figure><img alt=\"" + escape(caption) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"><figcaption>" + escape(caption) + "</figcaption></figure>");
    }

    /** Embeds a PNG file with a caption; a symbolic link is not followed (an IOException says so). */
    public HtmlReport figure(String caption, Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png, LinkOption.NOFOLLOW_LINKS)) {
            return figure(caption, in.readAllBytes());
        }
    }

    private HtmlReport add(String html) {
        List<String> p = new ArrayList<>(parts);
        p.add(html);
        return new HtmlReport(title, List.copyOf(p));
    }

    public String toHtml() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
        for (String p : parts) {
            sb.append(p).append('\n');
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    /** Writes the page atomically. */
    public void write(Path target) throws IOException {
        AtomicFiles.writeString(target, toHtml());
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
