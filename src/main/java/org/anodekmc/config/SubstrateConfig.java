package org.anodekmc.config;

import java.util.List;

public record SubstrateConfig(HostConfig host, List<SiteConfig> sites) {
}
