package org.anodekmc.io.export;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which trajectory frames to export, as written after {@code --frames}: {@code last}, {@code all}, or a
 * comma-separated list of items, each a frame index {@code N} (0 is the first frame), {@code last}, or a range
 * {@code START:STOP[:STEP]} as in Python (STOP excluded; START defaults to 0, STOP to the end, STEP to 1; a STOP past
 * the end is cut to the end). Frames are exported in time order, each once.
 */
public final class FrameSelection {
    public static final String SYNTAX = "last, all, or a comma-separated list of frame indices and START:STOP[:STEP] "
            + "ranges (e.g. 0,5,10 or 0:100:10)";

    /** One frame ({@code single}) or a range; {@link #END} stands for the last frame or the end of the run. */
    private record Item(int start, int stop, int step, boolean single) {
        static Item frame(int frame) {
            return new Item(frame, 0, 0, true);
        }
    }

    private static final int END = -1;

    private final String text;
    private final List<Item> items;

    private FrameSelection(String text, List<Item> items) {
        this.text = text;
        this.items = items;
    }

    public static FrameSelection last() {
        return parse("last");
    }

    /** Checks the syntax only; whether the frames exist is known once the run is open ({@link #resolve}). */
    public static FrameSelection parse(String text) {
        String spec = text == null ? "" : text.strip();
        if (spec.isEmpty()) {
            throw bad(text, "is empty");
        }
        List<Item> items = new ArrayList<>();
        for (String raw : spec.split(",", -1)) {
            String part = raw.strip();
            if (part.equals("all")) {
                items.add(new Item(0, END, 1, false));
            } else if (part.equals("last")) {
                items.add(Item.frame(END));
            } else if (part.contains(":")) {
                String[] f = part.split(":", -1);
                if (f.length > 3) {
                    throw bad(text, "'" + part + "' has more than two ':'");
                }
                int start = f[0].isBlank() ? 0 : index(text, f[0]);
                int stop = f[1].isBlank() ? END : index(text, f[1]);
                int step = f.length < 3 || f[2].isBlank() ? 1 : index(text, f[2]);
                if (step == 0) {
                    throw bad(text, "the step of '" + part + "' must be at least 1");
                }
                items.add(new Item(start, stop, step, false));
            } else {
                items.add(Item.frame(index(text, part)));
            }
        }
        return new FrameSelection(spec, items);
    }

    /** The selected frame indices, ascending, for a trajectory of {@code frames} (at least 1) frames. */
    public int[] resolve(int frames) {
        TreeSet<Integer> chosen = new TreeSet<>();
        for (Item item : items) {
            if (item.single) {
                int frame = item.start == END ? frames - 1 : item.start;
                if (frame >= frames) {
                    throw new IllegalArgumentException("--frames: frame " + frame + " does not exist; the run has "
                            + frames + " frames (0.." + (frames - 1) + ")");
                }
                chosen.add(frame);
            } else {
                int stop = item.stop == END ? frames : Math.min(item.stop, frames);
                for (long f = item.start; f < stop; f += item.step) { // long: a huge step must not wrap around
                    chosen.add((int) f);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--frames: '" + text + "' selects none of the run's " + frames
                    + " frames (0.." + (frames - 1) + ")");
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return text;
    }

    private static int index(String text, String number) {
        try {
            int n = Integer.parseInt(number.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed syntax
        }
        throw bad(text, "'" + number.strip() + "' is not a frame index (0, 1, 2, ...)");
    }

    private static IllegalArgumentException bad(String text, String problem) {
        return new IllegalArgumentException("--frames: '" + text + "' " + problem + "; use " + SYNTAX);
    }
}
