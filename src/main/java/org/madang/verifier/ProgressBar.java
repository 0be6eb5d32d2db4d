package org.madang.verifier;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.madang.ballot.verify.ProgressListener;

/** A one-line progress bar on stderr while ballots are checked. */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 40;

    private final PrintStream err;
    private final boolean enabled;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile boolean visible;

    ProgressBar(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public void started(int total) {
        this.total = total;
        draw(0);
    }

    @Override
    public void advanced() {
        draw(done.incrementAndGet());
    }

    @Override
    public synchronized void finished() {
        if (enabled && visible) {
            err.println();
            visible = false;
        }
    }

    private synchronized void draw(int n) {
        if (!enabled || total == 0) {
            return;
        }
        int filled = (int) ((long) WIDTH * n / total);
        err.print("\rballots [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total);
        err.flush();
        visible = true;
    }
}
