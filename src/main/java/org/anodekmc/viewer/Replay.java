package org.anodekmc.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import org.anodekmc.config.ControlConfig;
import org.anodekmc.io.RunReader;
import org.anodekmc.io.TimeSeriesReader;
import org.anodekmc.io.TrajectoryReader;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A run opened for replay. Frames are decoded into height maps only when shown, and only the last few are kept, so a
 * 512×512 run with hundreds of frames costs the memory of a handful of frames.
 */
final class Replay implements Closeable {
    static final int CACHED_FRAMES = 6;

    private final RunReader run;
    private final byte[] substrate;
    private final int colourTop;
    private final String title;
    private TopView.Layout topLayout;
    private int topLayoutSize;
    private final Map<Integer, HeightMap> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, HeightMap> eldest) {
            return size() > CACHED_FRAMES;
        }
    };

    private Replay(RunReader run) {
        this.run = run;
        TrajectoryReader t = run.trajectory();
        substrate = new byte[t.sizeX() * t.sizeY()];
        for (int c = 0; c < substrate.length; c++) {
            substrate[c] = t.substrate(c);
        }
        colourTop = colourTop(run.timeSeries(), t);
        title = describe(run, substrate);
    }

    /** Opens a run folder; an IllegalArgumentException says what is wrong with it. */
    static Replay open(Path folder) {
        return new Replay(RunReader.open(folder));
    }

    /**
     * The height at the top of the colour scale: the highest the deposit got during the run (from the time series),
     * so that a colour means the same height in every frame.
     */
    private static int colourTop(TimeSeriesReader.TimeSeries series, TrajectoryReader t) {
        int layers = t.sizeZ() - t.surfaceZ();
        if (!series.has("max_height_nm")) {
            return layers;
        }
        double maxNm = 0;
        for (double v : series.column("max_height_nm")) {
            if (!Double.isNaN(v)) {
                maxNm = Math.max(maxNm, v);
            }
        }
        int top = (int) Math.round(maxNm * 10 / t.latticeConstant());
        return Math.max(1, Math.min(layers, top));
    }

    private static String describe(RunReader run, byte[] substrate) {
        JsonNode c = run.config();
        TrajectoryReader t = run.trajectory();
        String name = c.path("name").asText(String.valueOf(run.folder().getFileName()));
        StringBuilder sb = new StringBuilder(name);
        String metal = c.path("metal").path("name").asText("");
        String host = c.path("substrate").path("host").path("name").asText("");
        if (!metal.isEmpty() && !host.isEmpty()) {
            sb.append(": ").append(metal).append(" on ").append(host);
        }
        // the sites as placed (from the trajectory), whichever way the config asked for them
        List<String> sites = new ArrayList<>();
        JsonNode siteConfigs = c.path("substrate").path("sites");
        // Å per layer over Ω^(1/3) per layer: Ω^(1/3) in Å; a column's area is given in Ω^(2/3)
        Lattice lattice = t.lattice();
        double areaNm2 = substrate.length * lattice.columnArea()
                * Math.pow(t.latticeConstant() / lattice.layerSpacing() / 10, 2);
        int[] count = new int[256];
        for (byte b : substrate) {
            count[b & 0xff]++;
        }
        for (int k = 0; Species.FIRST_SITE + k < count.length; k++) {
            int n = count[Species.FIRST_SITE + k];
            if (n == 0 && k >= siteConfigs.size()) {
                break;
            }
            sites.add(String.format(Locale.ROOT, "%s (%.2g per nm², %.2g%% of sites)",
                    siteConfigs.path(k).path("name").asText("site " + k), n / areaNm2, 100.0 * n / substrate.length));
        }
        if (!sites.isEmpty()) {
            sb.append(metal.isEmpty() ? ": " : " with ").append(String.join(", ", sites)).append(" SA sites");
        }
        sb.append(String.format(Locale.ROOT, " · %d×%d×%d sites", t.sizeX(), t.sizeY(), t.sizeZ()));
        JsonNode control = c.path("control");
        if (ControlConfig.Mode.GALVANOSTATIC.spelling().equals(control.path("mode").asText())) {
            sb.append(String.format(Locale.ROOT, " · %.3g mA/cm²", control.path("currentDensity").asDouble()));
        }
        return sb.toString();
    }

    /** The deposit of a frame (decoded on first use, then cached among the last few). */
    synchronized HeightMap heights(int frame) {
        HeightMap map = cache.get(frame);
        if (map == null) {
            map = HeightMap.of(run.trajectory().frame(frame));
            cache.put(frame, map);
        }
        return map;
    }

    /** The top view's geometry for a picture of about {@code size} pixels across (made once, then kept). */
    synchronized TopView.Layout topLayout(int size) {
        if (topLayout == null || topLayoutSize != size) {
            Lattice lattice = run.trajectory().lattice();
            topLayout = TopView.Layout.of(lattice, TopView.pixelsPerUnit(lattice, size));
            topLayoutSize = size;
        }
        return topLayout;
    }

    synchronized int cachedFrames() {
        return cache.size();
    }

    int frames() {
        return run.trajectory().frames();
    }

    /** Damage that still let the run be read ({@link org.anodekmc.io.RunReader#warnings()}). */
    List<String> warnings() {
        return run.warnings();
    }

    TrajectoryReader.FrameInfo info(int frame) {
        return run.trajectory().info(frame);
    }

    int sizeX() {
        return run.trajectory().sizeX();
    }

    int sizeY() {
        return run.trajectory().sizeY();
    }

    boolean isSite(int column) {
        return substrate[column] >= Species.FIRST_SITE;
    }

    int colourTop() {
        return colourTop;
    }

    /** nm per layer */
    double layerNm() {
        return run.trajectory().latticeConstant() / 10;
    }

    String title() {
        return title;
    }

    Path folder() {
        return run.folder();
    }

    TimeSeriesReader.TimeSeries series() {
        return run.timeSeries();
    }

    /** The completed cycles of a cycling run (cycles.csv); empty for a run that did not cycle. */
    Optional<TimeSeriesReader.TimeSeries> cycles() {
        return run.cycles();
    }

    /**
     * The cycle a time falls in, counted from 1 (a cycle's end belongs to it); one past the last completed cycle
     * after it. Only for a run with cycles.
     */
    int cycleAt(double time) {
        double[] ends = cycles().orElseThrow().column("end_time_s");
        int c = 0;
        while (c < ends.length && time > ends[c]) {
            c++;
        }
        return c + 1;
    }

    @Override
    public void close() {
        run.close();
    }
}
