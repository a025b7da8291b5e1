package org.hqcm.engine.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TumourClassTest {

    @Test
    void aliasesOfPublicDatasetsMapToTheFourClassesWhateverTheCase() {
        assertEquals(Optional.of(TumourClass.HEALTHY), TumourClass.fromAlias("notumor"));
        assertEquals(Optional.of(TumourClass.HEALTHY), TumourClass.fromAlias("No_Tumor"));
        assertEquals(Optional.of(TumourClass.HEALTHY), TumourClass.fromAlias("NORMAL"));
        assertEquals(Optional.of(TumourClass.GLIOMA), TumourClass.fromAlias("glioma_tumor"));
        assertEquals(Optional.of(TumourClass.MENINGIOMA), TumourClass.fromAlias("Meningioma"));
        assertEquals(Optional.of(TumourClass.PITUITARY), TumourClass.fromAlias("pituitary_tumor"));
        assertTrue(TumourClass.fromAlias("masks").isEmpty());
    }

    @Test
    void labelsFollowThePaper() {
        assertEquals(0, TumourClass.HEALTHY.label());
        assertEquals(1, TumourClass.MENINGIOMA.label());
        assertEquals(2, TumourClass.GLIOMA.label());
        assertEquals(3, TumourClass.PITUITARY.label());
        assertEquals(TumourClass.GLIOMA, TumourClass.ofLabel(2));
    }
}
