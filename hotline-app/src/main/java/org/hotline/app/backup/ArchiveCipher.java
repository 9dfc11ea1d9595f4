package org.hotline.app.backup;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.hotline.core.StartupException;

/**
 * A backup's encryption: an OpenPGP message (RFC 4880) encrypted with AES-256 under a key derived from the backup
 * passphrase (iterated and salted SHA-256), integrity-protected (SEIPD with its modification detection code), made
 * with Bouncy Castle. A standard format on purpose: in an emergency {@code gpg --decrypt} opens it with the same
 * passphrase. Decryption reads the whole message and checks its integrity before anything uses what it holds.
 */
final class ArchiveCipher {
    private static final int BUFFER = 1 << 16;

    private ArchiveCipher() {
    }

    /** A stream whose bytes land encrypted in {@code target}; closing it finishes the message and closes target. */
    static OutputStream encrypting(OutputStream target, char[] passphrase) throws IOException {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
                        .setSecureRandom(new SecureRandom()));
        try {
            generator.addMethod(new BcPBEKeyEncryptionMethodGenerator(passphrase,
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256)));
            OutputStream encrypted = generator.open(target, new byte[BUFFER]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream plain = literal.open(encrypted, PGPLiteralData.BINARY, "hotline-backup.zip", new Date(),
                    new byte[BUFFER]);
            return new FilterOutputStream(plain) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    plain.close();
                    generator.close();
                    target.close();
                }
            };
        } catch (PGPException e) {
            throw new IOException("the backup cannot be encrypted: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts {@code archive} into {@code clear} and checks its integrity. Throws a {@link StartupException} with one
     * sentence when the passphrase is not the one it was made with, or when the file is not a whole, unaltered
     * backup; {@code clear} must then be ignored (the caller deletes it).
     */
    static void decrypt(Path archive, char[] passphrase, Path clear) {
        PGPPBEEncryptedData encrypted;
        InputStream plain;
        InputStream file;
        try {
            file = new BufferedInputStream(Files.newInputStream(archive));
        } catch (IOException e) {
            throw new StartupException("The backup " + archive + " cannot be read (" + e.getMessage() + ").", e);
        }
        try (InputStream in = file) {
            try {
                BcPGPObjectFactory factory = new BcPGPObjectFactory(PGPUtil.getDecoderStream(in));
                Object first = factory.nextObject();
                if (first instanceof PGPMarker) {
                    first = factory.nextObject();
                }
                if (!(first instanceof PGPEncryptedDataList list) || list.isEmpty()
                        || !(list.get(0) instanceof PGPPBEEncryptedData pbe)) {
                    throw damaged(archive, null);
                }
                encrypted = pbe;
            } catch (IOException | RuntimeException e) {
                if (e instanceof StartupException backup) {
                    throw backup;
                }
                throw damaged(archive, e);
            }
            try {
                // The passphrase unlocks the session key; a wrong one yields a key that fails its check here (an
                // unknown cipher, or the quick-check bytes), before any content is read.
                plain = encrypted.getDataStream(new BcPBEDataDecryptorFactory(passphrase,
                        new BcPGPDigestCalculatorProvider()));
            } catch (PGPException | RuntimeException e) {
                throw new StartupException("The backup " + archive + " was not made with this backup key (the "
                        + "passphrase in backup.key-file does not open it); nothing was changed.", e);
            }
            try (OutputStream out = Files.newOutputStream(clear)) {
                Object literal = new BcPGPObjectFactory(plain).nextObject();
                if (!(literal instanceof PGPLiteralData data)) {
                    throw damaged(archive, null);
                }
                copy(data.getInputStream(), out, archive);
            }
            if (!encrypted.isIntegrityProtected() || !encrypted.verify()) {
                throw damaged(archive, null);
            }
        } catch (PGPException | IOException | RuntimeException e) {
            if (e instanceof StartupException backup) {
                throw backup;
            }
            throw damaged(archive, e);
        }
    }

    private static void copy(InputStream in, OutputStream out, Path archive) throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (true) {
            int read;
            try {
                read = in.read(buffer);
            } catch (IOException | RuntimeException e) {
                throw damaged(archive, e);
            }
            if (read < 0) {
                return;
            }
            out.write(buffer, 0, read);
        }
    }

    static StartupException damaged(Path archive, Exception cause) {
        return new StartupException("The backup " + archive + " is damaged or incomplete (it fails its integrity "
                + "check); nothing was changed.", cause);
    }
}
