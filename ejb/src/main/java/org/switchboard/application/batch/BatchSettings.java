package org.switchboard.application.batch;

/**
 * Sizes of one record stream's queue and batches, from switchboard.properties
 * ({@code switchboard.<stream>.queue-capacity}, {@code .batch-size}, {@code .flush-interval-ms}).
 */
public record BatchSettings(int queueCapacity, int batchSize, long flushIntervalMillis) {

    public static BatchSettings of(String stream) {
        return new BatchSettings(
                positive("switchboard." + stream + ".queue-capacity"),
                positive("switchboard." + stream + ".batch-size"),
                positive("switchboard." + stream + ".flush-interval-ms"));
    }

    private static int positive(String name) {
        String value = System.getProperty(name);
        try {
            int parsed = Integer.parseInt(value == null ? "" : value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("Setting " + name + " must be a positive whole number, not '" + value + "'");
    }
}
