package org.anodekmc.config;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A config value from a fixed list (a mode, a law, a placement), implemented by enums. Config files write it as its
 * spelling: the constant's name in lower case with '-' for '_' (DIFFUSION_LIMITED is diffusion-limited); the loader
 * refuses any other text, naming the field and the allowed spellings.
 */
public interface ConfigChoice {
    String name();

    @JsonValue
    default String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The spellings of a choice enum's constants, in declaration order, for messages. */
    public static String allowed(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((ConfigChoice) c).spelling())
                .collect(Collectors.joining(", "));
    }
}
