package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class BenchEvalCommandTest {

    @Test
    void printsTimesAndTheOneThreadReference() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int exit = cl.execute("bench", "eval", "--images", "48", "--iterations", "20", "--resamples", "100");
        assertEquals(0, exit);
        String text = out.toString();
        assertTrue(text.contains("evaluation of 48 test images"), text);
        assertTrue(text.matches("(?s).*speed-up \\d+\\.\\d+x, identical result: yes.*"), text);
        assertTrue(text.contains("attention Jaccard, 36 tumour images"), text);
    }

    @Test
    void tooFewImagesIsBadInput() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(ExitCodes.BAD_INPUT, cl.execute("bench", "eval", "--images", "10"));
    }
}
