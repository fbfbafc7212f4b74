package org.switchboard.sip.stack;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.core.net.SslNetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Properties;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The stack's network layer ({@code gov.nist.javax.sip.NETWORK_LAYER}): the stack's own one for
 * everything, except that the UDP and TCP sockets it listens on ask {@link PacketGate} about each
 * datagram and connection. This is the earliest point where JAIN-SIP lets us see a source address:
 * before its UDP queue, its parser and its transaction layer. TLS listening sockets are the stack's
 * own (their handshake happens in the stack); requests over TLS are checked by the engine instead.
 *
 * <p>Setting this property replaces the TLS layer the stack would have made from the
 * {@code javax.net.ssl.*} properties, so it is made here in the same way.
 */
public final class GatedNetworkLayer implements NetworkLayer {

    private NetworkLayer delegate = DefaultNetworkLayer.SINGLETON;

    /** For the stack, which makes it by class name. */
    public GatedNetworkLayer() {
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        Properties p = stack.getConfigurationProperties();
        String keyStore = p.getProperty("javax.net.ssl.keyStore");
        if (keyStore != null) {
            String trustStore = p.getProperty("javax.net.ssl.trustStore", keyStore);
            String keyPassword = p.getProperty("javax.net.ssl.keyStorePassword");
            String trustPassword = p.getProperty("javax.net.ssl.trustStorePassword", keyPassword);
            String keyType = p.getProperty("javax.net.ssl.keyStoreType");
            String trustType = p.getProperty("javax.net.ssl.trustStoreType", keyType);
            try {
                delegate = new SslNetworkLayer(stack, trustStore, keyStore,
                        keyPassword == null ? null : keyPassword.toCharArray(),
                        trustPassword == null ? null : trustPassword.toCharArray(), keyType, trustType);
            } catch (Exception e) {
                throw new IllegalStateException("TLS keystore " + keyStore + " unusable: " + e.getMessage(), e);
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
        return delegate.createSSLServerSocket(port, backlog, address);
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
        return delegate.createSSLSocket(address, port);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return delegate.createSSLSocket(address, port, myAddress);
    }
}
