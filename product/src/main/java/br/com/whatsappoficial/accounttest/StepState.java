package br.com.whatsappoficial.accounttest;

/** Where a step of a run is: waiting, proven, failed with its reason, or never tried after an earlier failure. */
enum StepState {
    PENDING,
    PASSED,
    FAILED,
    SKIPPED
}
