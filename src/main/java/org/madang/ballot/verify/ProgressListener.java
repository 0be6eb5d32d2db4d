package org.madang.ballot.verify;

/** Told how ballot checking advances (the command line draws a progress bar). Called from worker threads. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(int total) {
        }

        @Override
        public void advanced() {
        }

        @Override
        public void finished() {
        }
    };

    void started(int total);

    void advanced();

    void finished();
}
