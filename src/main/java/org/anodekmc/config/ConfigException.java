package org.anodekmc.config;

/** Bad user input: names the offending field so that the message alone tells the user what to fix. */
public final class ConfigException extends RuntimeException {
    private final String field;

    public ConfigException(String field, String message) {
        super(field == null || field.isEmpty() ? message : field + ": " + message);
        this.field = field;
    }

    /** Dotted path of the field, e.g. {@code metal.bondEnergy}; empty when the whole file is at fault. */
    public String field() {
        return field;
    }
}
