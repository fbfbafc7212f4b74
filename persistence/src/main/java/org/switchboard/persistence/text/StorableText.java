package org.switchboard.persistence.text;

/**
 * Text as a database column can hold it. PostgreSQL refuses a NUL character in any text value
 * ("invalid byte sequence for encoding UTF8: 0x00") and fails the whole batch, so one SIP message
 * with a NUL in its body (fuzzing found it) would stall the trace writer's retries for ever. NUL
 * becomes U+FFFD, the replacement character; everything else is kept as it came.
 */
public final class StorableText {

    private StorableText() {
    }

    public static String of(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }
}
