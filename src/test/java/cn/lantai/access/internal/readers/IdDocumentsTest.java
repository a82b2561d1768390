package cn.lantai.access.internal.readers;

import java.time.LocalDate;

import cn.lantai.access.IdType;
import cn.lantai.access.AccessProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ID document checks of the reading room (GB 11643-1999 for the resident ID) and the masks of personal data. */
class IdDocumentsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static String refusal(IdType type, String number) {
        try {
            IdDocuments.normalise(type, number, TODAY);
            return "accepted";
        } catch (AccessProblem e) {
            return e.code();
        }
    }

    @ParameterizedTest
    @CsvSource({
            // GB 11643-1999's own example, with the check character X
            "11010519491231002X, 11010519491231002X",
            "11010519491231002x, 11010519491231002X",
            "110101200001011005, 110101200001011005",
            "320106199003071234, 320106199003071234",
            "' 3201 0219 8511 1740 53 ', 320102198511174053",
            // full-width digits as typed with a Chinese input method
            "３２０１０６１９９００３０７１２３４, 320106199003071234"})
    void residentIdsWithTheirRightCheckCharacterAreTakenInOneNormalForm(String given, String normal) {
        assertThat(IdDocuments.normalise(IdType.RESIDENT_ID, given, TODAY)).isEqualTo(normal);
    }

    @Test
    void theCheckCharacterIsIso7064Mod11Of17Digits() {
        assertThat(IdDocuments.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdDocuments.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @Test
    void aWrongCheckCharacterIsRefusedAsSuch() {
        assertThat(refusal(IdType.RESIDENT_ID, "110105194912310021")).isEqualTo("access.id.resident.check-digit");
        assertThat(refusal(IdType.RESIDENT_ID, "320106199003071235")).isEqualTo("access.id.resident.check-digit");
    }

    @Test
    void anImpossibleOrFutureBirthDateIsRefused() {
        // 1999-02-30 does not exist; the check character is right for the digits given
        String feb30 = "32010619990230123";
        assertThat(refusal(IdType.RESIDENT_ID, feb30 + IdDocuments.checkCharacter(feb30)))
                .isEqualTo("access.id.resident.birth-date");
        String month13 = "32010619991301123";
        assertThat(refusal(IdType.RESIDENT_ID, month13 + IdDocuments.checkCharacter(month13)))
                .isEqualTo("access.id.resident.birth-date");
        String tomorrow = "32010620261201123";
        assertThat(refusal(IdType.RESIDENT_ID, tomorrow + IdDocuments.checkCharacter(tomorrow)))
                .isEqualTo("access.id.resident.birth-future");
        String before1900 = "32010618991231123";
        assertThat(refusal(IdType.RESIDENT_ID, before1900 + IdDocuments.checkCharacter(before1900)))
                .isEqualTo("access.id.resident.birth-date");
    }

    @Test
    void lengthShapeAndRegionAreRefusedEachWithItsReason() {
        assertThat(refusal(IdType.RESIDENT_ID, "32010619900307123")).isEqualTo("access.id.resident.length");
        assertThat(refusal(IdType.RESIDENT_ID, "320106900307123")).as("the old 15-digit number")
                .isEqualTo("access.id.resident.length");
        assertThat(refusal(IdType.RESIDENT_ID, "3201061990030712345")).isEqualTo("access.id.resident.length");
        assertThat(refusal(IdType.RESIDENT_ID, "32010619900307123A")).isEqualTo("access.id.resident.shape");
        assertThat(refusal(IdType.RESIDENT_ID, "3201061990X307123X")).isEqualTo("access.id.resident.shape");
        String region99 = "99010619900307123";
        assertThat(refusal(IdType.RESIDENT_ID, region99 + IdDocuments.checkCharacter(region99)))
                .isEqualTo("access.id.resident.region");
        assertThat(refusal(IdType.RESIDENT_ID, "")).isEqualTo("access.id.missing");
        assertThat(refusal(IdType.RESIDENT_ID, "   ")).isEqualTo("access.id.missing");
        assertThat(refusal(null, "320106199003071234")).isEqualTo("access.id.type-missing");
        assertThat(refusal(IdType.OTHER, "1".repeat(100_000))).isEqualTo("access.id.too-long");
        assertThat(refusal(IdType.RESIDENT_ID, "<script>alert(1)</script>")).isEqualTo("access.id.resident.length");
    }

    @Test
    void otherDocumentsAreCheckedForTheirShape() {
        assertThat(refusal(IdType.PASSPORT, "E12345678")).isEqualTo("accepted");
        assertThat(refusal(IdType.PASSPORT, "E1234")).isEqualTo("accepted");
        assertThat(refusal(IdType.PASSPORT, "E12")).isEqualTo("access.id.shape.PASSPORT");
        assertThat(refusal(IdType.PASSPORT, "E1234567<8")).isEqualTo("access.id.shape.PASSPORT");
        assertThat(refusal(IdType.HK_MACAO_PERMIT, "H12345678")).isEqualTo("accepted");
        assertThat(refusal(IdType.HK_MACAO_PERMIT, "m1234567890")).isEqualTo("accepted");
        assertThat(refusal(IdType.HK_MACAO_PERMIT, "X12345678")).isEqualTo("access.id.shape.HK_MACAO_PERMIT");
        assertThat(refusal(IdType.TAIWAN_PERMIT, "12345678")).isEqualTo("accepted");
        assertThat(refusal(IdType.TAIWAN_PERMIT, "1234567")).isEqualTo("access.id.shape.TAIWAN_PERMIT");
        assertThat(refusal(IdType.OTHER, "JG-2019-001")).isEqualTo("accepted");
        assertThat(refusal(IdType.OTHER, "军官证 001")).isEqualTo("access.id.shape.OTHER");
    }

    @Test
    void numbersAndPhonesAreMaskedKeepingOnlyTheirEnds() {
        assertThat(IdDocuments.mask("320106199003071234")).isEqualTo("3201**********1234");
        assertThat(IdDocuments.mask("11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(IdDocuments.mask("E12345678")).isEqualTo("E******78");
        assertThat(IdDocuments.mask("12345")).isEqualTo("*****");
        assertThat(IdDocuments.phone("138-0013 8000")).isEqualTo("13800138000");
        assertThatThrownBy(() -> IdDocuments.phone("call me")).isInstanceOf(AccessProblem.class);
        assertThat(IdDocuments.phone(" ")).isNull();
    }

    @Test
    void namesAreBoundedCountingCharactersNotBytesAndRefuseControlCharacters() {
        assertThat(IdDocuments.text(" 𠀀𠀁欧阳 ", 50, true, "name")).isEqualTo("𠀀𠀁欧阳");
        assertThat(IdDocuments.text("𠀀".repeat(50), 50, true, "name")).hasSize(100);
        assertThatThrownBy(() -> IdDocuments.text("𠀀".repeat(51), 50, true, "name"))
                .hasMessage("access.name.too-long");
        assertThatThrownBy(() -> IdDocuments.text("张\u0000三", 50, true, "name")).hasMessage("access.name.control");
        assertThatThrownBy(() -> IdDocuments.text("  ", 50, true, "name")).hasMessage("access.name.missing");
        assertThat(IdDocuments.text("<script>alert('x')</script>", 50, true, "name"))
                .as("script is text, escaped where shown").isEqualTo("<script>alert('x')</script>");
    }
}
