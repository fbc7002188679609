package org.anodekmc.config;

/** The run stops at the first limit reached; unset limits are null. At least one must be set. */
public record StopConfig(Double time, Double charge, Long events) {
}
