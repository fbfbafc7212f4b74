package org.switchboard.sip.registrar;

/**
 * One Contact of a REGISTER, its expiry already settled: 0 removes the binding.
 *
 * @param q preference 0.0 to 1.0
 */
record ContactUpdate(String contactUri, int expires, float q) {
}
