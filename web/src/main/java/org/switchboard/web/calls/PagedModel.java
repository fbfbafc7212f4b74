package org.switchboard.web.calls;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A table read a page at a time from a service (the database pages it): the calls with traces of the
 * portal and the account view, the account search, the deletion queue, the audit log.
 */
public class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    @FunctionalInterface
    public interface Rows<T> extends Serializable {
        List<T> page(int first, int max);
    }

    public interface Count extends LongSupplier, Serializable {
    }

    public interface Key<T> extends Serializable {
        String of(T row);
    }

    private final Rows<T> rows;
    private final Count count;
    private final Key<T> key;

    public PagedModel(Rows<T> rows, Count count, Key<T> key) {
        this.rows = rows;
        this.count = count;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, count.getAsLong());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return rows.page(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return key.of(row);
    }
}
