package org.anodekmc.cli;

import org.anodekmc.viewer.Viewer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draw a frame of a run as the viewer shows it (3D deposit, top view, charts) into a PNG; "
                + "needs no display.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "run folder (written by kmc run)")
    Path run;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "picture to write")
    Path out;

    @Option(names = "--frame", paramLabel = "N", description = "frame number, from 0 (default: the last frame)")
    Integer frame;

    @Option(names = "--size", paramLabel = "WxH", converter = SizeConverter.class,
            description = "picture size in pixels (default: ${DEFAULT-VALUE})", defaultValue = "1600x1000")
    Size size;

    @Option(names = "--capacity", description = "charts against capacity (mAh/cm²) instead of time")
    boolean capacity;

    @Override
    public Integer call() {
        Viewer.render(new Viewer.RenderRequest(run, frame, out, size.width(), size.height(), capacity))
                .forEach(w -> System.err.println("warning: " + w));
        System.out.println("wrote " + out);
        return 0;
    }

    record Size(int width, int height) {
    }

    static final class SizeConverter implements CommandLine.ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            String[] parts = value.toLowerCase(java.util.Locale.ROOT).split("x");
            try {
                if (parts.length == 2) {
                    return new Size(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                }
            } catch (NumberFormatException ignored) {
                // falls through to the message below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not WIDTHxHEIGHT, e.g. 1600x1000");
        }
    }
}
