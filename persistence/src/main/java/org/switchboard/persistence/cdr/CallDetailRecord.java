package org.switchboard.persistence.cdr;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.switchboard.persistence.account.Account;

/**
 * One call attempt as the proxy saw it, written when the call ends. Either side may be a local account
 * or a foreign URI, so both account links are nullable; the URIs are always kept.
 */
@Entity
@Table(name = "call_detail_record")
public class CallDetailRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "call_id", nullable = false, length = 255)
    private String callId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "caller_account_id")
    private Account callerAccount;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "callee_account_id")
    private Account calleeAccount;

    @Column(name = "caller_uri", nullable = false, length = 512)
    private String callerUri;

    @Column(name = "callee_uri", nullable = false, length = 512)
    private String calleeUri;

    @Column(name = "start_time", nullable = false)
    private Instant startTime;

    /** Null when never answered. */
    @Column(name = "answer_time")
    private Instant answerTime;

    @Column(name = "end_time")
    private Instant endTime;

    /** Talk time (answer to end), 0 when unanswered. */
    @Column(name = "duration_seconds", nullable = false)
    private int durationSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "disposition", nullable = false, length = 16)
    private Disposition disposition;

    /** Final SIP status of a failed call, e.g. 486 or 503. */
    @Column(name = "failure_code")
    private Integer failureCode;

    /** "ip:port" the caller's signaling came from. */
    @Column(name = "caller_signaling_address", length = 64)
    private String callerSignalingAddress;

    @Column(name = "callee_signaling_address", length = 64)
    private String calleeSignalingAddress;

    /** "ip:port" from the caller's SDP. */
    @Column(name = "caller_media_address", length = 64)
    private String callerMediaAddress;

    @Column(name = "callee_media_address", length = 64)
    private String calleeMediaAddress;

    @Column(name = "caller_user_agent", length = 255)
    private String callerUserAgent;

    @Column(name = "callee_user_agent", length = 255)
    private String calleeUserAgent;

    protected CallDetailRecord() {
        // for JPA
    }

    public CallDetailRecord(String callId, Account callerAccount, String callerUri,
                            Account calleeAccount, String calleeUri, Instant startTime) {
        this.callId = callId;
        this.callerAccount = callerAccount;
        this.callerUri = callerUri;
        this.calleeAccount = calleeAccount;
        this.calleeUri = calleeUri;
        this.startTime = startTime;
        this.disposition = Disposition.FAILED;
    }

    /** Records the outcome; duration is the answered time, whole seconds. */
    public void end(Disposition disposition, Instant answerTime, Instant endTime, Integer failureCode) {
        this.disposition = disposition;
        this.answerTime = answerTime;
        this.endTime = endTime;
        this.failureCode = failureCode;
        this.durationSeconds = answerTime == null || endTime == null
                ? 0 : (int) java.time.Duration.between(answerTime, endTime).toSeconds();
    }

    public void setCallerEndpoint(String signalingAddress, String mediaAddress, String userAgent) {
        this.callerSignalingAddress = signalingAddress;
        this.callerMediaAddress = mediaAddress;
        this.callerUserAgent = userAgent;
    }

    public void setCalleeEndpoint(String signalingAddress, String mediaAddress, String userAgent) {
        this.calleeSignalingAddress = signalingAddress;
        this.calleeMediaAddress = mediaAddress;
        this.calleeUserAgent = userAgent;
    }

    public Long getId() {
        return id;
    }

    public String getCallId() {
        return callId;
    }

    public Account getCallerAccount() {
        return callerAccount;
    }

    public Account getCalleeAccount() {
        return calleeAccount;
    }

    public String getCallerUri() {
        return callerUri;
    }

    public String getCalleeUri() {
        return calleeUri;
    }

    public Instant getStartTime() {
        return startTime;
    }

    public Instant getAnswerTime() {
        return answerTime;
    }

    public Instant getEndTime() {
        return endTime;
    }

    public int getDurationSeconds() {
        return durationSeconds;
    }

    public Disposition getDisposition() {
        return disposition;
    }

    public Integer getFailureCode() {
        return failureCode;
    }

    public String getCallerSignalingAddress() {
        return callerSignalingAddress;
    }

    public String getCalleeSignalingAddress() {
        return calleeSignalingAddress;
    }

    public String getCallerMediaAddress() {
        return callerMediaAddress;
    }

    public String getCalleeMediaAddress() {
        return calleeMediaAddress;
    }

    public String getCallerUserAgent() {
        return callerUserAgent;
    }

    public String getCalleeUserAgent() {
        return calleeUserAgent;
    }
}
