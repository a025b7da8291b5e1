package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class BenchQuantumCommandTest {

    @Test
    void printsTimesAndTheRatioMeasuredInTheSameRun() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int exit = cl.execute("bench", "quantum", "--batch", "4", "--circuits", "2", "--qubits", "2", "--layers", "1",
                "--repeats", "3", "--warmup", "0", "--strange-circuits", "2");
        assertEquals(0, exit);
        String text = out.toString();
        assertTrue(text.contains("batch 4 x 2 circuits x 2 qubits x 1 layers"), text);
        assertTrue(text.contains("STATEVECTOR forward+backward:"), text);
        assertTrue(text.contains("STRANGE forward:"), text);
        assertTrue(text.matches("(?s).*ratio STRANGE / STATEVECTOR per circuit: \\d+x.*"), text);
    }
}
