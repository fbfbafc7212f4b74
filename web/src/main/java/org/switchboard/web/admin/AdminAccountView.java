package org.switchboard.web.admin;

import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.primefaces.model.LazyDataModel;
import org.switchboard.application.admin.AccountActions;
import org.switchboard.application.admin.AccountDetails;
import org.switchboard.application.admin.AccountInspection;
import org.switchboard.application.admin.PurchaseInput;
import org.switchboard.application.admin.StaffInputException;
import org.switchboard.application.cdr.CallRow;
import org.switchboard.application.portal.NotFoundException;
import org.switchboard.application.trace.TracedCallRow;
import org.switchboard.persistence.cdr.CdrFilter;
import org.switchboard.web.calls.CallRowsModel;
import org.switchboard.web.calls.PagedModel;
import org.switchboard.web.portal.Notices;

/**
 * The account view for troubleshooting (admin/account.xhtml?user=…): status, phones registered now,
 * messages waiting (count and age), voicemail settings, the calls with traces and the call history
 * (the portal's tables, fed by the staff service, which audits every read), and the actions, each
 * with a reason.
 */
@Named
@ViewScoped
public class AdminAccountView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountInspection inspection;

    @Inject
    AccountActions actions;

    private String user;
    private AccountDetails details;
    private String newSipPassword;

    private String reason;
    private BigDecimal amount;
    private String currency = "EUR";
    private LocalDate day = LocalDate.now(ZoneOffset.UTC);
    private String fullName;
    private String billingAddress;
    private String purchaseReason;

    private final LazyDataModel<TracedCallRow> calls = new PagedModel<>(
            (first, max) -> inspection.tracedCalls(user, first, max), () -> inspection.tracedCallCount(user), TracedCallRow::callId);

    private final LazyDataModel<CallRow> history = new CallRowsModel(AdminAccountView::lastYear,
            (filter, sort, ascending, first, max) -> inspection.callHistory(user, filter, sort, ascending, first, max),
            filter -> inspection.callHistoryCount(user, filter));

    /** f:viewAction: the account named by the user parameter; an unknown one answers 404. */
    public void load() {
        try {
            details = inspection.open(user);
        } catch (NotFoundException e) {
            Notices.notFound();
        }
    }

    public void block() {
        act(() -> actions.block(user, reason));
    }

    public void unblock() {
        act(() -> actions.unblock(user, reason));
    }

    public void requestDeletion() {
        act(() -> actions.requestDeletion(user, reason));
    }

    /** The new password is shown on this answer only; the service keeps its digest hashes. */
    public void resetSipPassword() {
        act(() -> {
            newSipPassword = actions.resetSipPassword(user, reason);
            return "New SIP password set; give it to the subscriber now, it is not shown again.";
        });
    }

    public void recordPurchase() {
        newSipPassword = null;
        try {
            actions.recordPurchase(user, new PurchaseInput(amount, currency, day, fullName, billingAddress), purchaseReason);
            Notices.info("Purchase recorded: " + amount + " " + currency + " on " + day + ".");
            amount = null;
            fullName = null;
            billingAddress = null;
            purchaseReason = null;
        } catch (StaffInputException e) {
            Notices.fieldError("purchase:" + ("reason".equals(e.field()) ? "purchase-reason" : e.field()), e.getMessage());
        }
        details = inspection.open(user);
    }

    private void act(Supplier<String> action) {
        newSipPassword = null;
        try {
            Notices.info(action.get());
            reason = null;
        } catch (StaffInputException e) {
            Notices.fieldError("actions:reason", e.getMessage());
        } catch (EJBException e) {
            Notices.error("Not done: " + e.getMessage());
        }
        details = inspection.open(user);
    }

    private static CdrFilter lastYear() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new CdrFilter(today.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), "");
    }

    public boolean isBlocked() {
        return details != null && "BLOCKED".equals(details.account().status().name());
    }

    public AccountDetails getDetails() {
        return details;
    }

    public LazyDataModel<TracedCallRow> getCalls() {
        return calls;
    }

    public LazyDataModel<CallRow> getHistory() {
        return history;
    }

    public int getTraceDays() {
        return inspection.traceWindowDays();
    }

    public String getNewSipPassword() {
        return newSipPassword;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getBillingAddress() {
        return billingAddress;
    }

    public void setBillingAddress(String billingAddress) {
        this.billingAddress = billingAddress;
    }

    public String getPurchaseReason() {
        return purchaseReason;
    }

    public void setPurchaseReason(String purchaseReason) {
        this.purchaseReason = purchaseReason;
    }
}
