package org.switchboard.persistence.testsupport;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * The entities have no JSON/XML columns. Outside WildFly the jakartaee-api jar puts the JSON-B API on the
 * test classpath without an implementation (WildFly ships Yasson), and Hibernate's default JSON mapper
 * then fails to start; handing it this mapper avoids that lookup.
 */
public final class UnusedFormatMapper implements FormatMapper {

    @Override
    public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("no JSON/XML mapped columns in unit switchboard");
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("no JSON/XML mapped columns in unit switchboard");
    }
}
