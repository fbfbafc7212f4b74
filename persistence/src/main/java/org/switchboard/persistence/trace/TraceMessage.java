package org.switchboard.persistence.trace;

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
 * One SIP message as it crossed the proxy, kept (for a few days) so a subscriber can see the trace of
 * their own calls. Requests have a method and no status code, replies the reverse.
 */
@Entity
@Table(name = "trace_message")
public class TraceMessage {

    /** Raw SIP text is capped at 64 KiB; VARCHAR(65535) exists on both H2 and PostgreSQL. */
    public static final int MAX_RAW_TEXT = 65535;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "call_id", nullable = false, length = 255)
    private String callId;

    @Column(name = "message_time", nullable = false)
    private Instant messageTime;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 3)
    private TraceDirection direction;

    /** UDP, TCP, TLS, WS, WSS. */
    @Column(name = "transport", nullable = false, length = 8)
    private String transport;

    @Column(name = "source_ip", nullable = false, length = 45)
    private String sourceIp;

    @Column(name = "source_port", nullable = false)
    private int sourcePort;

    @Column(name = "destination_ip", nullable = false, length = 45)
    private String destinationIp;

    @Column(name = "destination_port", nullable = false)
    private int destinationPort;

    /** Null for replies. */
    @Column(name = "method", length = 32)
    private String method;

    /** Null for requests. */
    @Column(name = "status_code")
    private Integer statusCode;

    @Column(name = "cseq_method", nullable = false, length = 32)
    private String cseqMethod;

    @Column(name = "raw_text", nullable = false, length = MAX_RAW_TEXT)
    private String rawText;

    /** The local subscriber who sent it, if any. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "from_account_id")
    private Account fromAccount;

    /** The local subscriber it was addressed to, if any. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "to_account_id")
    private Account toAccount;

    protected TraceMessage() {
        // for JPA
    }

    public TraceMessage(String callId, Instant messageTime, TraceDirection direction, String transport,
                        String sourceIp, int sourcePort, String destinationIp, int destinationPort,
                        String method, Integer statusCode, String cseqMethod, String rawText,
                        Account fromAccount, Account toAccount) {
        this.callId = callId;
        this.messageTime = messageTime;
        this.direction = direction;
        this.transport = transport;
        this.sourceIp = sourceIp;
        this.sourcePort = sourcePort;
        this.destinationIp = destinationIp;
        this.destinationPort = destinationPort;
        this.method = method;
        this.statusCode = statusCode;
        this.cseqMethod = cseqMethod;
        this.rawText = rawText;
        this.fromAccount = fromAccount;
        this.toAccount = toAccount;
    }

    public boolean isRequest() {
        return method != null;
    }

    public Long getId() {
        return id;
    }

    public String getCallId() {
        return callId;
    }

    public Instant getMessageTime() {
        return messageTime;
    }

    public TraceDirection getDirection() {
        return direction;
    }

    public String getTransport() {
        return transport;
    }

    public String getSourceIp() {
        return sourceIp;
    }

    public int getSourcePort() {
        return sourcePort;
    }

    public String getDestinationIp() {
        return destinationIp;
    }

    public int getDestinationPort() {
        return destinationPort;
    }

    public String getMethod() {
        return method;
    }

    public Integer getStatusCode() {
        return statusCode;
    }

    public String getCseqMethod() {
        return cseqMethod;
    }

    public String getRawText() {
        return rawText;
    }

    public Account getFromAccount() {
        return fromAccount;
    }

    public Account getToAccount() {
        return toAccount;
    }
}
