package org.hqcm.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hqcm.engine.data.LoadOptions;
import org.hqcm.model.presets.Presets;
import org.junit.jupiter.api.Test;

/** The data package's copy of a model default (it may not know the model) stays the model's. */
class ExperimentMappingTest {

    @Test
    void theDataPackagesPixelLimitIsTheModelsDefault() {
        assertEquals(ExperimentMapping.defaultMaxImagePixels(), LoadOptions.DEFAULT_MAX_IMAGE_PIXELS);
        assertEquals(ExperimentMapping.defaultMaxImagePixels(),
                Presets.create(Presets.QUICKSTART).getDataset().getMaxImagePixels());
    }
}
