package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class DataCommandTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void synthWritesAnImageFolderThatInfoReadsBackWithAChart() {
        Path data = dir.resolve("phantom");
        Result synth = run("data", "synth", "--out", data.toString(), "--per-class", "3", "--size", "20", "--seed", "4");
        assertEquals(0, synth.code(), synth.err());
        assertTrue(Files.exists(data.resolve("pituitary/pituitary_00003.png")));
        assertTrue(Files.exists(data.resolve("pituitary/pituitary_00003_mask.png")));

        Path chart = dir.resolve("dist.png");
        Result info = run("data", "info", data.toString(), "synthetic:2", "--size", "16", "--chart", chart.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("IMAGE_FOLDER"), info.out());
        assertTrue(info.out().contains("images: 20"), info.out());
        assertTrue(info.out().matches("(?s).*meningioma\\s+\\d+\\s+\\d+\\s+\\d+\\s+5.*"), info.out());
        assertTrue(info.out().contains("original sizes: 16x16 (8), 20x20 (12)"), info.out());
        assertTrue(Files.exists(chart));
    }

    @Test
    void badSourcesExitWithCodeTwoAndAMessage() {
        Result missing = run("data", "info", dir.resolve("nothing-here").toString(), "--no-chart");
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("nothing-here"), missing.err());
        Result badSynth = run("data", "info", "synthetic:0", "--no-chart");
        assertEquals(ExitCodes.BAD_INPUT, badSynth.code());
        assertTrue(badSynth.err().contains("synthetic:N"), badSynth.err());
        Result badDifficulty = run("data", "synth", "--out", dir.toString(), "--difficulty", "2");
        assertEquals(ExitCodes.BAD_INPUT, badDifficulty.code());
    }
}
