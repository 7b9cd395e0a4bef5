package cn.medins.account.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void computesTheGb11643CheckCharacter() {
        // The standard's own example: 11010519491231002X
        assertEquals('X', ResidentIdNumber.checkCharacter("11010519491231002"));
        assertTrue(ResidentIdNumber.problem("11010519491231002X", TODAY).isEmpty());
    }

    @Test
    void refusesAWrongCheckCharacterAndNamesTheExpectedOne() {
        assertEquals("check character is wrong (GB 11643 MOD 11-2): expected X",
                ResidentIdNumber.problem("110105194912310021", TODAY).orElseThrow());
    }

    @Test
    void refusesWrongShapesAndImpossibleBirthDates() {
        assertTrue(ResidentIdNumber.problem("1101051949123100", TODAY).isPresent());
        assertTrue(ResidentIdNumber.problem("11010519491231002x", TODAY).isPresent());
        String feb30 = "11010519490230002";
        assertTrue(ResidentIdNumber.problem(feb30 + ResidentIdNumber.checkCharacter(feb30), TODAY)
                .orElseThrow().contains("birth date"));
        String future = "11010520300101002";
        assertTrue(ResidentIdNumber.problem(future + ResidentIdNumber.checkCharacter(future), TODAY).isPresent());
    }

    @Test
    void masksBirthDateAndSequence() {
        assertEquals("110105********002X", ResidentIdNumber.mask("11010519491231002X"));
    }
}
