package org.switchboard.sip.stack;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The stack's network layer ({@code gov.nist.javax.sip.NETWORK_LAYER}): the stack's own one for
 * everything, except that the UDP and TCP sockets it listens on ask {@link PacketGate} about each
 * datagram and connection. This is the earliest point where JAIN-SIP lets us see a source address:
 * before its UDP queue, its parser and its transaction layer. TLS listening sockets are not gated
 * (their handshake happens in the stack); requests over TLS are checked by the engine instead.
 *
 * <p>Setting this property replaces the TLS layer the stack would have made from the
 * {@code javax.net.ssl.*} properties, so TLS is made here: our certificate and key from a PKCS12
 * keystore or PEM files ({@link TlsKeyFiles}), re-read by {@link ReloadingKeyManager} when they
 * change, so a renewed certificate needs no restart.
 */
public final class GatedNetworkLayer implements NetworkLayer {

    private NetworkLayer delegate = DefaultNetworkLayer.SINGLETON;

    /** Stack properties (StackProperties) naming the certificate and key: ours, not the stack's. */
    public static final String KEYSTORE = "org.switchboard.sip.tls.keystore";
    public static final String KEYSTORE_PASSWORD = "org.switchboard.sip.tls.keystore-password";
    public static final String KEYSTORE_TYPE = "org.switchboard.sip.tls.keystore-type";
    public static final String PEM_KEY = "org.switchboard.sip.tls.pem-key";

    /** How long a connection of ours to another TLS server may take to open. */
    private static final int CONNECT_TIMEOUT_MILLIS = 8000;

    private SSLContext tls;

    /** For the stack, which makes it by class name. */
    public GatedNetworkLayer() {
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        Properties p = stack.getConfigurationProperties();
        String keyStore = p.getProperty(KEYSTORE);
        if (keyStore != null) {
            String pemKey = p.getProperty(PEM_KEY);
            TlsKeyFiles files = new TlsKeyFiles(Path.of(keyStore), pemKey == null ? null : Path.of(pemKey),
                    p.getProperty(KEYSTORE_TYPE), p.getProperty(KEYSTORE_PASSWORD, "").toCharArray());
            try {
                // Our certificate, re-read when its files change; the JDK's trusted CAs for the servers we connect to.
                tls = SSLContext.getInstance("TLS");
                tls.init(new KeyManager[] {new ReloadingKeyManager(files)}, null, null);
            } catch (Exception e) {
                throw new IllegalStateException("TLS certificate " + keyStore + " unusable: " + e.getMessage(), e);
            }
        }
        delegate.setSipStack(stack);
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress address) throws SocketException {
        if (address.isMulticastAddress()) {
            return delegate.createDatagramSocket(port, address);
        }
        return new GatedDatagramSocket(new InetSocketAddress(address, port));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new GatedServerSocket(port, backlog, address);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return (SSLServerSocket) tlsContext().getServerSocketFactory().createServerSocket(port, backlog, address);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return delegate.createDatagramSocket();
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return delegate.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return delegate.createSocket(address, port, myAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return delegate.createSocket(address, port, myAddress, myPort);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        SSLSocket socket = (SSLSocket) tlsContext().getSocketFactory().createSocket();
        if (myAddress != null) {
            socket.bind(new InetSocketAddress(myAddress, 0));
        }
        socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
        return socket;
    }

    private SSLContext tlsContext() throws IOException {
        if (tls == null) {
            throw new IOException("TLS is off: no certificate configured");
        }
        return tls;
    }
}
