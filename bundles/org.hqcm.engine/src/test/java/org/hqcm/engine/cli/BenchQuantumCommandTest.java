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
                "--repeats", "3", "--warmup", "0", "--strange-circuits", "2", "--slow-seconds", "0", "--shift-shots", "20");
        assertEquals(0, exit);
        String text = out.toString();
        assertTrue(text.contains("batch 4 x 2 circuits x 2 qubits x 1 layers"), text);
        assertTrue(text.contains("STATEVECTOR forward+backward:"), text);
        assertTrue(text.contains("STRANGE forward:"), text);
        assertTrue(text.matches("(?s).*ratio STRANGE / STATEVECTOR per circuit: \\d+x.*"), text);
        assertTrue(text.matches("(?s).*DENSITY_MATRIX forward\\+backward: +[0-9.]+ ms per batch \\(median of 3\\) = "
                + "[0-9.]+x STATEVECTOR's adjoint forward\\+backward.*"), text);
        assertTrue(text.matches("(?s).*PARAMETER_SHIFT exact forward\\+backward: +[0-9.]+ ms .* = [0-9.]+x.*"), text);
        assertTrue(text.contains("PARAMETER_SHIFT 20 shots forward+backward:"), text);
        assertTrue(text.contains("2 x (3 x 2 x 1 + 2^2 - 1) = 18 shifted circuits"), text);
    }
}
