package org.switchboard.application.batch;

/**
 * Sizes of one record stream's queue and batches, from switchboard.properties
 * ({@code switchboard.<stream>.queue-capacity}, {@code .batch-size}, {@code .flush-interval-ms}),
 * read and validated by SwitchboardSettings ({@code traceBatches()}, {@code cdrBatches()}).
 */
public record BatchSettings(int queueCapacity, int batchSize, long flushIntervalMillis) {
}
