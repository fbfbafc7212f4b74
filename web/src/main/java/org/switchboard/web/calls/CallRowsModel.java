package org.switchboard.web.calls;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.switchboard.application.cdr.CallRow;
import org.switchboard.persistence.cdr.CdrFilter;
import org.switchboard.persistence.cdr.CdrSort;

/**
 * A call history table read page by page from the database: the portal's (the login's own calls) and
 * the admin console's account view (an account's, through the staff service) differ only in where the
 * rows come from.
 */
public class CallRowsModel extends LazyDataModel<CallRow> {

    private static final long serialVersionUID = 1L;

    /** Where a page of rows comes from. */
    @FunctionalInterface
    public interface Rows extends Serializable {
        List<CallRow> page(CdrFilter filter, CdrSort sort, boolean ascending, int first, int max);
    }

    /** How many rows the filter gives. */
    @FunctionalInterface
    public interface Count extends Serializable {
        long count(CdrFilter filter);
    }

    /** The filter of the page's form, read when the table loads. */
    public interface Filter extends Supplier<CdrFilter>, Serializable {
    }

    private final Filter filter;
    private final Rows rows;
    private final Count count;

    public CallRowsModel(Filter filter, Rows rows, Count count) {
        this.filter = filter;
        this.rows = rows;
        this.count = count;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, count.count(filter.get()));
    }

    @Override
    public List<CallRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        CdrSort sort = CdrSort.START;
        boolean ascending = false;
        for (SortMeta meta : sortBy.values()) {
            sort = switch (meta.getField()) {
                case "durationSeconds" -> CdrSort.DURATION;
                case "disposition" -> CdrSort.DISPOSITION;
                default -> CdrSort.START;
            };
            ascending = meta.getOrder() == SortOrder.ASCENDING;
        }
        return rows.page(filter.get(), sort, ascending, first, pageSize);
    }

    @Override
    public String getRowKey(CallRow row) {
        return Long.toString(row.id());
    }
}
