package dev.caisey.record.chain;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Ed25519 public keys and checkpoint signature checks. */
public final class Signatures {
    private Signatures() {}

    /** Lower-case hex SHA-256 of a public key's X.509 SubjectPublicKeyInfo DER: its key id. */
    public static String keyId(PublicKey key) {
        return Sha256.hex(key.getEncoded());
    }

    /**
     * Reads an Ed25519 public key from base64 SubjectPublicKeyInfo DER.
     *
     * @throws RecordException with {@link ErrorCode#INVALID} if it is not base64 or not an Ed25519 key
     */
    public static PublicKey publicKey(String base64Spki) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64Spki);
        } catch (IllegalArgumentException e) {
            throw new RecordException(ErrorCode.INVALID, "publicKey is not valid base64", e);
        }
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            return key;
        } catch (GeneralSecurityException e) {
            throw new RecordException(ErrorCode.INVALID, "publicKey is not an Ed25519 SubjectPublicKeyInfo", e);
        }
    }

    /** The base64 SubjectPublicKeyInfo DER of a public key, as exports carry it. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Whether {@code checkpoint}'s signature was made by {@code key} over the checkpoint's other members. */
    public static boolean verify(Checkpoint checkpoint, PublicKey key) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(checkpoint.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(checkpoint.signedBytes());
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
