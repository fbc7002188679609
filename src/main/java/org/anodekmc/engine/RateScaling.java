package org.anodekmc.engine;

import org.anodekmc.config.AccelerationConfig;
import org.anodekmc.model.RateModel;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adaptive rate scaling of quasi-equilibrated hops (docs/model.md, "Accelerated runs"), after Chatterjee & Voter,
 * J. Chem. Phys. 132, 194101 (2010) and Dybeck, Plaisance & Neurock, J. Chem. Theory Comput. 13, 1525 (2017).
 *
 * <p>Hops fall into channels, each holding every hop together with its reverse ({@link RateModel#hopChannel}). After
 * each period of events, a channel that fired often enough, about as often uphill as downhill, counts as
 * quasi-equilibrated, and its rates are multiplied by one factor so that, at its average rate over the period, it is
 * at most {@code fastPerSlow} times as likely as the slow events: redox, arrivals, and the hops of channels that are
 * not quasi-equilibrated (which run unscaled). A hop and its reverse always carry the same factor, so detailed
 * balance, and with it every equilibrium, is unchanged; what changes is how many times the fast channels repeat
 * themselves between slow events.
 *
 * <p>On several threads each thread counts its hops in a {@link Tally} of its own, which this class takes over after
 * each phase; channels are then judged at the end of the window in which the period's events were reached.
 */
final class RateScaling {
    private final EventIndex index;
    private final double fastPerSlow;
    private final double balance;
    private final int minEvents;
    private final int periodEvents;
    private final String[] channelName;
    /** The hops' catalogue classes, and for each: its channel, direction (+1, −1, 0) and unscaled rate. */
    private final int[] classes;
    private final int[] channelOf;
    private final byte[] directionOf;
    private final double[] baseRate;
    private final double[] scaledRate;
    /** Position in {@link #classes} of each catalogue class, or −1 for classes that are never scaled. */
    private final int[] entryOfClass;
    /** Channels whose hops change no binding: each is its own reverse's class, so up and down are not told apart. */
    private final boolean[] level;
    private final double[] factor;
    private final double[] smallestFactor;
    /** The period's hops, counted on one thread or taken over from the threads' tallies. */
    private final Tally period;
    private final double[] unscaledRate;
    private int eventsInPeriod;
    private long periods;
    private double periodStart;
    /** Events over the finished periods, and how many the exact engine would have needed in the same time. */
    private double events;
    private double exactEvents;
    /** The same for each channel's hops: their ratio is the factor the channel ran with on average. */
    private final double[] hops;
    private final double[] exactHops;

    /** @param firstClass catalogue class of the rate model's hop class 0 */
    RateScaling(AccelerationConfig settings, RateModel rates, EventIndex index, int firstClass, int catalogueClasses) {
        this.index = index;
        fastPerSlow = settings.fastPerSlow();
        balance = settings.balanceOrDefault();
        minEvents = settings.minEventsOrDefault();
        periodEvents = settings.periodEventsOrDefault();
        int channels = rates.hopChannelCount();
        channelName = new String[channels];
        for (int ch = 0; ch < channels; ch++) {
            channelName[ch] = rates.hopChannelName(ch);
        }
        int n = rates.hopClassCount();
        classes = new int[n];
        channelOf = new int[n];
        directionOf = new byte[n];
        baseRate = new double[n];
        scaledRate = new double[n];
        entryOfClass = new int[catalogueClasses];
        java.util.Arrays.fill(entryOfClass, -1);
        for (int h = 0; h < n; h++) {
            classes[h] = firstClass + h;
            channelOf[h] = rates.hopChannel(h);
            directionOf[h] = (byte) rates.hopDirection(h);
            baseRate[h] = rates.hopRate(h);
            entryOfClass[firstClass + h] = h;
        }
        level = new boolean[channels];
        for (int h = 0; h < n; h++) {
            level[channelOf[h]] |= directionOf[h] == 0;
        }
        factor = new double[channels];
        smallestFactor = new double[channels];
        java.util.Arrays.fill(factor, 1);
        java.util.Arrays.fill(smallestFactor, 1);
        period = new Tally();
        unscaledRate = new double[channels];
        hops = new double[channels];
        exactHops = new double[channels];
    }

    /** Carried-out hops per channel, uphill and downhill (level hops count as uphill). */
    final class Tally {
        private final long[] uphill = new long[factor.length];
        private final long[] downhill = new long[factor.length];

        /** Counts a carried-out event of a catalogue class. */
        void executed(int catalogueClass) {
            int e = entryOfClass[catalogueClass];
            if (e >= 0) {
                if (directionOf[e] < 0) {
                    downhill[channelOf[e]]++;
                } else {
                    uphill[channelOf[e]]++;
                }
            }
        }
    }

    /** The tally of a run on one thread. */
    Tally tally() {
        return period;
    }

    /** A tally for one thread of a run on several threads, to be {@link #absorb absorbed} after each phase. */
    Tally newTally() {
        return new Tally();
    }

    /** Adds a thread's counts to the period's and clears them. */
    void absorb(Tally thread) {
        for (int ch = 0; ch < factor.length; ch++) {
            period.uphill[ch] += thread.uphill[ch];
            period.downhill[ch] += thread.downhill[ch];
            thread.uphill[ch] = thread.downhill[ch] = 0;
        }
    }

    /**
     * After picked events (carried out or refused): one at a time on one thread, a window's on several. When the
     * period is full, judges each channel and sets its factor.
     *
     * @param arrivalRate rate of arrivals outside the catalogue, 1/s (a supply that fixes the flux)
     */
    void afterEvents(long picked, double time, double arrivalRate) {
        if (eventsInPeriod + picked < periodEvents) {
            eventsInPeriod += (int) picked;
            return;
        }
        java.util.Arrays.fill(unscaledRate, 0);
        double scaledHops = 0;
        for (int e = 0; e < classes.length; e++) {
            double r = index.members(classes[e]) * baseRate[e];
            unscaledRate[channelOf[e]] += r;
            scaledHops += r * factor[channelOf[e]];
        }
        double slow = index.totalRateOfAll() + arrivalRate - scaledHops;
        double missedHops = 0;
        for (int ch = 0; ch < factor.length; ch++) {
            if (!quasiEquilibrated(ch)) {
                slow += unscaledRate[ch];
            }
            // Unscaled, the channel would have fired 1/factor times as often in the same time.
            long fired = period.uphill[ch] + period.downhill[ch];
            missedHops += fired * (1 / factor[ch] - 1);
            hops[ch] += fired;
            exactHops[ch] += fired / factor[ch];
        }
        double dt = time - periodStart;
        events += eventsInPeriod + picked;
        exactEvents += eventsInPeriod + picked + missedHops;
        for (int ch = 0; ch < factor.length; ch++) {
            // The period's average rather than the rate right now: on one thread "now" is just after an event,
            // which over-samples short bursts of a channel's hops and would slow it far too much.
            double average = dt > 0 ? (period.uphill[ch] + period.downhill[ch]) / (factor[ch] * dt) : unscaledRate[ch];
            factor[ch] = quasiEquilibrated(ch) && average > 0 ? Math.min(1, fastPerSlow * slow / average) : 1;
            smallestFactor[ch] = Math.min(smallestFactor[ch], factor[ch]);
            period.uphill[ch] = period.downhill[ch] = 0;
        }
        for (int e = 0; e < classes.length; e++) {
            scaledRate[e] = baseRate[e] * factor[channelOf[e]];
        }
        index.setClassRates(classes, scaledRate);
        eventsInPeriod = 0;
        periodStart = time;
        periods++;
    }

    /** Fired often enough in the period, and (unless level, its own reverse) about as often up as down. */
    private boolean quasiEquilibrated(int ch) {
        long up = period.uphill[ch];
        long down = period.downhill[ch];
        long n = up + down;
        if (n < minEvents) {
            return false;
        }
        return level[ch] || Math.abs(up - down) <= balance * n;
    }

    /**
     * How many times as many events the exact engine would have needed for the finished periods' simulated time:
     * each hop of a slowed channel counts 1/factor times; 1 before the first period ends.
     */
    double eventGain() {
        return events > 0 ? exactEvents / events : 1;
    }

    long periods() {
        return periods;
    }

    /** Each channel that was ever slowed. */
    List<Simulation.ScaledChannel> scaledChannels() {
        List<Simulation.ScaledChannel> scaled = new ArrayList<>();
        for (int ch = 0; ch < factor.length; ch++) {
            if (smallestFactor[ch] < 1) {
                double average = exactHops[ch] > 0 ? hops[ch] / exactHops[ch] : 1;
                scaled.add(new Simulation.ScaledChannel(channelName[ch], factor[ch], smallestFactor[ch], average,
                        (long) hops[ch]));
            }
        }
        return scaled;
    }

    void writeState(DataOutput out) throws IOException {
        StateData.writeDoubles(out, factor);
        StateData.writeDoubles(out, smallestFactor);
        StateData.writeLongs(out, period.uphill);
        StateData.writeLongs(out, period.downhill);
        out.writeInt(eventsInPeriod);
        out.writeLong(periods);
        out.writeDouble(periodStart);
        out.writeDouble(events);
        out.writeDouble(exactEvents);
        StateData.writeDoubles(out, hops);
        StateData.writeDoubles(out, exactHops);
    }

    void readState(DataInput in) throws IOException {
        StateData.readDoublesInto(in, factor, "rate scaling factors");
        StateData.readDoublesInto(in, smallestFactor, "smallest rate scaling factors");
        StateData.readLongsInto(in, period.uphill, "uphill hops of the period");
        StateData.readLongsInto(in, period.downhill, "downhill hops of the period");
        eventsInPeriod = StateData.checkRange(in.readInt(), periodEvents, "events of the period");
        periods = in.readLong();
        periodStart = in.readDouble();
        events = in.readDouble();
        exactEvents = in.readDouble();
        StateData.readDoublesInto(in, hops, "hops per channel");
        StateData.readDoublesInto(in, exactHops, "the exact engine's hops per channel");
    }
}
