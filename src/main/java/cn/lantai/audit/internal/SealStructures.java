package cn.lantai.audit.internal;

import java.io.IOException;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;

/**
 * What the archive's key may sign bare for an OFD seal (GB/T 38540, version 4), and nothing else: the DER of a
 * {@code TBS_Sign ::= SEQUENCE {version INTEGER (4), eseal SESeal, timeInfo GeneralizedTime, dataHash BIT STRING
 * (an SM3, 32 bytes), propertyInfo IA5String, extDatas OPTIONAL}} whose SESeal is an SM3withSM2 one, or of an
 * {@code SES_SealInfo ::= SEQUENCE {header SEQUENCE {"ES", 4, vid}, esID IA5String, property SEQUENCE, picture
 * SEQUENCE, extDatas OPTIONAL}}; in canonical DER, nothing before or after. The same key signs the trail's checkpoint
 * lines (ASCII text: digits, a space, hex) and CMS signatures (over their signed attributes, a DER SET), so nothing
 * this lets through can be, or verify as, one of those.
 */
public final class SealStructures {

    private static final int V4 = 4;
    private static final int SM3_LENGTH = 32;

    private SealStructures() {
    }

    /** Whether the bytes are such a TBS_Sign or SES_SealInfo. */
    public static boolean signable(byte[] der) {
        if (der == null || der.length == 0 || der[0] != 0x30) {
            return false;
        }
        try {
            ASN1Primitive parsed = ASN1Primitive.fromByteArray(der);
            if (!(parsed instanceof ASN1Sequence sequence)
                    || !Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), der)) {
                return false;
            }
            return toSign(sequence) || sealInfo(sequence);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean toSign(ASN1Sequence s) {
        if (s.size() < 5 || s.size() > 6 || !version(s.getObjectAt(0))
                || !(s.getObjectAt(1) instanceof ASN1Sequence eseal)
                || !(s.getObjectAt(2) instanceof ASN1GeneralizedTime)
                || !(s.getObjectAt(3) instanceof ASN1BitString hash) || !(s.getObjectAt(4) instanceof ASN1IA5String)) {
            return false;
        }
        return hash.getPadBits() == 0 && hash.getOctets().length == SM3_LENGTH && eseal.size() == 4
                && eseal.getObjectAt(0) instanceof ASN1Sequence info && sealInfo(info)
                && eseal.getObjectAt(1) instanceof ASN1OctetString
                && eseal.getObjectAt(2) instanceof ASN1ObjectIdentifier algorithm
                && GMObjectIdentifiers.sm2sign_with_sm3.equals(algorithm)
                && eseal.getObjectAt(3) instanceof ASN1BitString;
    }

    private static boolean sealInfo(ASN1Sequence s) {
        if (s.size() < 4 || s.size() > 5 || !(s.getObjectAt(0) instanceof ASN1Sequence header)
                || !(s.getObjectAt(1) instanceof ASN1IA5String) || !(s.getObjectAt(2) instanceof ASN1Sequence)
                || !(s.getObjectAt(3) instanceof ASN1Sequence)) {
            return false;
        }
        return header.size() == 3 && header.getObjectAt(0) instanceof ASN1IA5String id
                && "ES".equals(id.getString()) && version(header.getObjectAt(1))
                && header.getObjectAt(2) instanceof ASN1IA5String;
    }

    private static boolean version(ASN1Encodable value) {
        return value instanceof ASN1Integer v && v.hasValue(V4);
    }
}
