package org.switchboard.sip.stack;

import java.net.Socket;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The TLS listening points' key manager: the certificate and key of {@link TlsKeyFiles}, read
 * again when the files' modification times change, so that a renewed certificate is used by the
 * next handshake without a restart (connections already open keep theirs). The files are looked at
 * when a handshake chooses its certificate, at most once a second. A replacement that can't be
 * read (half-written, wrong password) is logged and the previous certificate stays in use.
 */
public final class ReloadingKeyManager extends X509ExtendedKeyManager {

    private static final Logger LOG = Logger.getLogger(ReloadingKeyManager.class.getName());
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    /** The keys in use, and those before them: a handshake that chose its alias just before a reload still finds it. */
    private record Loaded(List<FileTime> stamp, X509ExtendedKeyManager keys, X509ExtendedKeyManager previous) {
    }

    private final TlsKeyFiles files;
    private volatile Loaded loaded;
    private volatile long nextCheck;

    /** Reads the files now: a certificate that can't be read fails the start, as it should. */
    public ReloadingKeyManager(TlsKeyFiles files) throws Exception {
        this.files = files;
        this.loaded = new Loaded(files.stamp(), keysOf(files.load(), files.password()), null);
        this.nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
    }

    private static X509ExtendedKeyManager keysOf(KeyStore store, char[] password) throws Exception {
        KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
        factory.init(store, password);
        for (KeyManager manager : factory.getKeyManagers()) {
            if (manager instanceof X509ExtendedKeyManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 key manager");
    }

    /** The keys in use, after loading them again if their files changed (checked at most once a second). */
    private X509ExtendedKeyManager current() {
        long now = System.nanoTime();
        if (now - nextCheck >= 0) {
            nextCheck = now + CHECK_EVERY_NANOS;
            reloadIfChanged();
        }
        return loaded.keys();
    }

    synchronized void reloadIfChanged() {
        try {
            List<FileTime> stamp = files.stamp();
            if (stamp.equals(loaded.stamp())) {
                return;
            }
            loaded = new Loaded(stamp, keysOf(files.load(), files.password()), loaded.keys());
            LOG.info(() -> "SIP TLS: certificate reloaded from " + files.store());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "SIP TLS: " + files.store() + " changed but can't be read; keeping the certificate in use: "
                    + e.getMessage());
        }
    }

    // A server handshake chooses an alias, then asks for its chain and key: only the choice looks at the files.

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return current().chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return current().chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Loaded now = loaded;
        X509Certificate[] chain = now.keys().getCertificateChain(alias);
        return chain != null || now.previous() == null ? chain : now.previous().getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Loaded now = loaded;
        PrivateKey key = now.keys().getPrivateKey(alias);
        return key != null || now.previous() == null ? key : now.previous().getPrivateKey(alias);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return loaded.keys().getServerAliases(keyType, issuers);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return loaded.keys().getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return loaded.keys().chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return loaded.keys().chooseEngineClientAlias(keyType, issuers, engine);
    }
}
