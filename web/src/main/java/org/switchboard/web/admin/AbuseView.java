package org.switchboard.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.switchboard.application.abuse.AddressBan;
import org.switchboard.application.admin.AbuseDesk;
import org.switchboard.application.admin.AbuseFlagGroup;
import org.switchboard.application.admin.SignUpCounts;
import org.switchboard.application.admin.StaffInputException;
import org.switchboard.application.portal.NotFoundException;
import org.switchboard.web.portal.Notices;

/**
 * The admin console's abuse page (admin/abuse.xhtml): bans of this node's SIP engine with "Lift",
 * open residential-limit flags with "Clear", today's sign-ups per address. View-scoped so that a
 * row's button acts on the row the page showed, even if the list changed since (a ban ended).
 */
@Named
@ViewScoped
public class AbuseView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AbuseDesk desk;

    private List<AddressBan> bans;
    private List<AbuseFlagGroup> flags;
    private SignUpCounts signUps;
    private boolean engineDeployed;

    @PostConstruct
    void load() {
        engineDeployed = desk.engineDeployed();
        bans = desk.bans();
        flags = desk.openFlags();
        signUps = desk.signUpsToday();
    }

    public void lift(AddressBan ban) {
        act(() -> desk.liftBan(ban.address()));
    }

    public void clear(AbuseFlagGroup flag) {
        act(() -> desk.clearFlags(flag.sipUser(), flag.kind()));
    }

    private void act(Supplier<String> action) {
        try {
            Notices.info(action.get());
        } catch (StaffInputException | NotFoundException e) {
            Notices.error(e.getMessage());
        } catch (EJBException e) {
            Notices.error("Not done: " + e.getMessage());
        }
        load();
    }

    /** A ban's time left, in whole seconds (the page is a snapshot; reload to see it run down). */
    public String remaining(AddressBan ban) {
        long seconds = Math.max(0, Duration.between(Instant.now(), ban.until()).toSeconds());
        return seconds < 120 ? seconds + " s" : (seconds / 60) + " min";
    }

    public List<AddressBan> getBans() {
        return bans;
    }

    public List<AbuseFlagGroup> getFlags() {
        return flags;
    }

    public SignUpCounts getSignUps() {
        return signUps;
    }

    public boolean isEngineDeployed() {
        return engineDeployed;
    }
}
