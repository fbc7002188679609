package org.anodekmc.io.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameSelectionTest {
    @ParameterizedTest(name = "''{0}'' of {1} frames")
    @CsvSource(delimiter = '|', value = {
            "last          | 7  | 6",
            "all           | 4  | 0 1 2 3",
            "0,5,10        | 11 | 0 5 10",
            "0:100:10      | 21 | 0 10 20",
            "0:100:10      | 20 | 0 10",
            "3:            | 6  | 3 4 5",
            ":3            | 6  | 0 1 2",
            "::2           | 5  | 0 2 4",
            "2:4           | 10 | 2 3",
            "' 5 , 1,last,5' | 8 | 1 5 7",
            "0,last        | 1  | 0",
    })
    void selects(String text, int frames, String expected) {
        int[] chosen = FrameSelection.parse(text).resolve(frames);
        assertEquals(expected, String.join(" ", Arrays.stream(chosen).mapToObj(String::valueOf).toList()));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "''        | is empty",
            "first     | 'first' is not a frame index",
            "-1        | '-1' is not a frame index",
            "1:2:3:4   | more than two ':'",
            "0:5:0     | step of '0:5:0' must be at least 1",
            "1,,2      | '' is not a frame index",
            "2.5       | '2.5' is not a frame index",
    })
    void badSyntaxNamesTheOptionAndTheAllowedForms(String text, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameSelection.parse(text));
        assertTrue(e.getMessage().startsWith("--frames: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains("START:STOP[:STEP]"), e.getMessage());
    }

    @Test
    void framesThatDoNotExistAreReportedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameSelection.parse("0,9").resolve(5));
        assertEquals("--frames: frame 9 does not exist; the run has 5 frames (0..4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FrameSelection.parse("7:").resolve(5));
        assertTrue(e.getMessage().contains("selects none"), e.getMessage());
    }

    @Test
    void hugeStepDoesNotWrapAround() {
        assertEquals(1, FrameSelection.parse("1:5:2147483647").resolve(10).length);
    }
}
