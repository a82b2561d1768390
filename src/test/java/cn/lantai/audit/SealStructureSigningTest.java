package cn.lantai.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;

import cn.lantai.support.LantaiTest;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The archive's key signs bare only an OFD seal's structures (a GB/T 38540 v4 TBS_Sign or SES_SealInfo): never a
 * checkpoint line of the trail, a CMS signed-attribute set, any other DER or bytes around a good structure, so the
 * certificates' seal cannot be made to sign what verifies as a checkpoint or a report's signature.
 */
@LantaiTest
class SealStructureSigningTest {

    @Autowired
    private ArchiveSeal seal;

    @Test
    void aTbsSignAndASealInfoAreSignedAndVerifyWithThePublicKey() throws Exception {
        byte[] info = sealInfo().getEncoded(ASN1Encoding.DER);
        assertThat(SealCheck.sm2SignedBy(info, seal.signSealStructure(info), seal.publicKey())).isTrue();
        byte[] tbs = toSign(new byte[32]).getEncoded(ASN1Encoding.DER);
        assertThat(SealCheck.sm2SignedBy(tbs, seal.signSealStructure(tbs), seal.publicKey())).isTrue();
    }

    @Test
    void aCheckpointLineACmsAttributeSetOrAnyOtherBytesAreNotSigned() throws Exception {
        byte[] tbs = toSign(new byte[32]).getEncoded(ASN1Encoding.DER);
        byte[] trailing = Arrays.copyOf(tbs, tbs.length + 1);
        byte[] checkpoint = ("12 " + "ab".repeat(32) + " 2026-11-30T12:00:00Z").getBytes(StandardCharsets.UTF_8);
        byte[] zeroLine = ("0 " + "00".repeat(32) + " 2026-11-30T12:00:00Z").getBytes(StandardCharsets.UTF_8);
        byte[] attributes = new DERSet(new ASN1Encodable[] {new DERSequence(new ASN1Encodable[] {
            GMObjectIdentifiers.sm3, new DERSet(new DEROctetString(new byte[32]))})}).getEncoded(ASN1Encoding.DER);
        byte[] otherSequence = new DERSequence(new ASN1Integer(4)).getEncoded(ASN1Encoding.DER);
        byte[] shortHash = toSign(new byte[31]).getEncoded(ASN1Encoding.DER);
        for (byte[] bytes : new byte[][] {checkpoint, zeroLine, attributes, otherSequence, shortHash, trailing,
            Arrays.copyOf(tbs, tbs.length - 1), new byte[0], "{\"report\":1}".getBytes(StandardCharsets.UTF_8),
            new byte[1 << 16]}) {
            assertThatThrownBy(() -> seal.signSealStructure(bytes)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> seal.signSealStructure(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DERSequence sealInfo() {
        DERSequence header = new DERSequence(new ASN1Encodable[] {new DERIA5String("ES"), new ASN1Integer(4),
            new DERIA5String("Lantai")});
        return new DERSequence(new ASN1Encodable[] {header, new DERIA5String("0123456789abcdef"),
            new DERSequence(new ASN1Integer(1)), new DERSequence(new DERIA5String("PNG"))});
    }

    private static DERSequence toSign(byte[] hash) {
        DERSequence eseal = new DERSequence(new ASN1Encodable[] {sealInfo(), new DEROctetString(new byte[8]),
            GMObjectIdentifiers.sm2sign_with_sm3, new DERBitString(new byte[64])});
        return new DERSequence(new ASN1Encodable[] {new ASN1Integer(4), eseal, new DERGeneralizedTime(new Date()),
            new DERBitString(hash), new DERIA5String("/Doc_0/Signs/Sign_0/Signature.xml")});
    }
}
