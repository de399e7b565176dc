package dev.caisey.record.chain;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
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
        byte[] der = strictBase64(base64Spki);
        if (der == null) {
            throw new RecordException(ErrorCode.INVALID, "publicKey is not canonical base64");
        }
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            return key;
        } catch (GeneralSecurityException e) {
            throw new RecordException(ErrorCode.INVALID, "publicKey is not an Ed25519 SubjectPublicKeyInfo", e);
        }
    }

    /**
     * Decodes base64 (standard alphabet, padded) only if it is the one canonical encoding of its bytes, else returns
     * {@code null}. Lenient decoders ignore the unused low bits of the last character, so without this check a
     * signature or key could be written in several ways and a changed character would go unnoticed.
     */
    public static byte[] strictBase64(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The base64 SubjectPublicKeyInfo DER of a public key, as exports carry it. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Whether {@code checkpoint}'s signature was made by {@code key} over the checkpoint's other members. */
    public static boolean verify(Checkpoint checkpoint, PublicKey key) {
        byte[] signature = strictBase64(checkpoint.signature());
        if (signature == null || signature.length != Limits.SIGNATURE_BYTES) {
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
