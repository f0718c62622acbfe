package br.com.whatsappoficial.accounttest;

/** What a run concluded: still going, every step proven, a step failed, or a step never finished in time. */
enum RunVerdict {
    RUNNING,
    PASSED,
    FAILED,
    TIMED_OUT;

    boolean finished() {
        return this != RUNNING;
    }
}
