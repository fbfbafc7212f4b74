package org.switchboard.sip.stack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the SIP engine's TLS certificate and private key are: a PKCS12 (or JKS) keystore, or PEM
 * files (the certificate chain, and the unencrypted PKCS#8 private key, in one file or two, as
 * certbot writes them). {@link #load} reads them into a keystore; {@link #stamp} says whether they
 * changed since.
 *
 * @param store     the keystore, or the PEM certificate chain
 * @param pemKey    the PEM private key when it is a file of its own, else null
 * @param type      PKCS12, JKS or PEM
 * @param password  the keystore's password (PEM: that of the keystore made in memory)
 */
public record TlsKeyFiles(Path store, Path pemKey, String type, char[] password) {

    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** The alias of the one entry of a keystore made from PEM files. */
    static final String PEM_ALIAS = "switchboard";

    public boolean pem() {
        return "PEM".equals(type.toUpperCase(Locale.ROOT));
    }

    /** Whether the files can be read at all (TLS stays off otherwise). */
    public boolean present() {
        return Files.isReadable(store) && (pemKey == null || Files.isReadable(pemKey));
    }

    /** The files' modification times: a different stamp means a certificate to load again. */
    public List<FileTime> stamp() throws IOException {
        List<FileTime> times = new ArrayList<>();
        times.add(Files.getLastModifiedTime(store));
        if (pemKey != null) {
            times.add(Files.getLastModifiedTime(pemKey));
        }
        return times;
    }

    public KeyStore load() throws IOException, GeneralSecurityException {
        if (!pem()) {
            KeyStore keyStore = KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, password);
            }
            return keyStore;
        }
        List<Certificate> chain = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        read(store, chain, keys);
        if (pemKey != null) {
            read(pemKey, chain, keys);
        }
        if (chain.isEmpty() || keys.size() != 1) {
            throw new GeneralSecurityException("expected a certificate chain and one private key in " + store
                    + (pemKey == null ? "" : " and " + pemKey) + ", found " + chain.size() + " certificates and "
                    + keys.size() + " keys");
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(PEM_ALIAS, keys.get(0), password, chain.toArray(Certificate[]::new));
        return keyStore;
    }

    private static void read(Path file, List<Certificate> chain, List<PrivateKey> keys)
            throws IOException, GeneralSecurityException {
        Matcher block = PEM_BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2).trim());
            switch (block.group(1)) {
                case "CERTIFICATE" -> chain.add(certificates.generateCertificate(new ByteArrayInputStream(der)));
                case "PRIVATE KEY" -> keys.add(privateKey(der, file));
                case "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(
                        file + ": a " + block.group(1) + " block; give an unencrypted PKCS#8 key"
                                + " (openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem)");
                default -> {
                    // parameters and the like: not ours to read
                }
            }
        }
    }

    /** PKCS#8 names its algorithm inside; the JDK still wants it named, so try the ones certificates use. */
    private static PrivateKey privateKey(byte[] der, Path file) throws GeneralSecurityException {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException notThisOne) {
                // the next
            }
        }
        throw new GeneralSecurityException(file + ": a private key of none of RSA, EC, Ed25519");
    }
}
