package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.hqcm.model.HqcmPackage;
import org.hqcm.model.presets.ExperimentDefaults;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Options that default to a model attribute read it from hqcm.ecore, and help shows that value. */
class ModelDefaultsTest {

    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        for (CommandLine sub : root.getSubcommands().values()) {
            all.addAll(commands(sub));
        }
        return all;
    }

    @Test
    void everyMarkedOptionDefaultsToItsModelAttribute() {
        int marked = 0;
        for (CommandLine cl : commands(Main.commandLine())) {
            // help wraps its columns: compare with the line breaks and indentation folded into single spaces
            String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
            for (OptionSpec o : cl.getCommandSpec().options()) {
                if (!(o.userObject() instanceof Field f) || f.getAnnotation(ModelDefault.class) == null) {
                    continue;
                }
                String expected = ModelDefaults.of(f.getAnnotation(ModelDefault.class));
                assertEquals(expected, o.defaultValueString(), cl.getCommandName() + " " + o.longestName());
                if (o.description().length > 0 && String.join(" ", o.description()).contains("(default: ")) {
                    assertTrue(help.contains("(default: " + expected), cl.getCommandName() + " help:\n" + help);
                }
                marked++;
            }
        }
        assertTrue(marked >= 14, marked + " options read their default from the model");
    }

    @Test
    void theValuesAreTheModelsLiteralsSpelledForTheCommandLine() {
        String fractions = ModelDefaults.of(field(DataInfoCommand.class, "fractionsText"));
        var d = ExperimentDefaults.newDataset();
        assertEquals(d.getTrainFraction() + "," + d.getValidationFraction() + "," + d.getTestFraction(), fractions);
        assertEquals("Y", ModelDefaults.of(field(CircuitOptions.class, "measure")));
        assertEquals(HqcmPackage.Literals.QUANTUM_HEAD__MEASUREMENT.getDefaultValueLiteral(), "PAULI_Y");
        assertEquals("amplitude", ModelDefaults.of(field(CircuitOptions.class, "embedding")));
        CliRun run = CliRun.of("data", "info", "--help");
        assertTrue(run.out().contains("(default: " + d.getImageSize() + ")"), run.out());
    }

    @Test
    void aNameThatIsNotInTheModelIsAnError() {
        assertThrows(IllegalStateException.class, () -> ModelDefaults.attribute("Dataset.nothing"));
        assertThrows(IllegalStateException.class, () -> ModelDefaults.attribute("Nothing.imageSize"));
        assertThrows(IllegalStateException.class, () -> ModelDefaults.attribute("imageSize"));
    }

    private static ModelDefault field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name).getAnnotation(ModelDefault.class);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}
