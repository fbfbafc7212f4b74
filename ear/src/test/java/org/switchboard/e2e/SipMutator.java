package org.switchboard.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded mutator of SIP messages for fuzzing: each input is a seed message (the RFC 4475
 * torture messages) with one to four random mutations of the kinds that break parsers: bytes
 * flipped, inserted or deleted, lines dropped, doubled or swapped, numbers made huge or negative,
 * separators (":", ";", "<", ">", "\"", CR, LF, NUL) sprinkled in, the message cut short, a
 * header repeated hundreds of times. The same seed gives the same inputs, so a failure can be
 * replayed with {@code -Dswitchboard.fuzz.seed}.
 */
final class SipMutator {

    private static final byte[] SEPARATORS = ":;<>\",=@ \t\r\n\0/\\%[]".getBytes(StandardCharsets.ISO_8859_1);
    private static final String[] NUMBERS = {"0", "-1", "4294967296", "99999999999999999999", "1e9", "0x10", ""};

    private final List<byte[]> seeds;
    private final Random random;

    SipMutator(List<byte[]> seeds, long seed) {
        this.seeds = List.copyOf(seeds);
        this.random = new Random(seed);
    }

    byte[] next() {
        byte[] message = seeds.get(random.nextInt(seeds.size())).clone();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            message = mutate(message);
        }
        return message;
    }

    private byte[] mutate(byte[] in) {
        if (in.length == 0) {
            return "OPTIONS sip:x SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(9)) {
            case 0 -> { // flip a bit
                in[at] ^= (byte) (1 << random.nextInt(8));
                return in;
            }
            case 1 -> { // a separator in
                return splice(in, at, 0, new byte[] {SEPARATORS[random.nextInt(SEPARATORS.length)]});
            }
            case 2 -> { // some bytes out
                return splice(in, at, Math.min(in.length - at, 1 + random.nextInt(16)), new byte[0]);
            }
            case 3 -> { // cut short
                return splice(in, at, in.length - at, new byte[0]);
            }
            case 4 -> { // a number made extreme
                return replaceNumber(in, at);
            }
            default -> {
                return mutateLines(in);
            }
        }
    }

    private byte[] replaceNumber(byte[] in, int from) {
        for (int i = from; i < in.length; i++) {
            if (Character.isDigit(in[i])) {
                int end = i;
                while (end < in.length && Character.isDigit(in[end])) {
                    end++;
                }
                return splice(in, i, end - i, NUMBERS[random.nextInt(NUMBERS.length)].getBytes(StandardCharsets.US_ASCII));
            }
        }
        return in;
    }

    /** Drops, doubles, swaps or repeats whole lines (headers). */
    private byte[] mutateLines(byte[] in) {
        List<String> lines = new ArrayList<>(List.of(new String(in, StandardCharsets.ISO_8859_1).split("\r\n", -1)));
        if (lines.size() < 2) {
            return in;
        }
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        switch (random.nextInt(4)) {
            case 0 -> lines.remove(a);
            case 1 -> lines.add(a, lines.get(b));
            case 2 -> {
                String line = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, line);
            }
            default -> {
                for (int i = 0; i < 50 + random.nextInt(300); i++) {
                    lines.add(a, lines.get(a));
                }
            }
        }
        return String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
        return out;
    }
}
