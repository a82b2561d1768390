package cn.lantai.accession;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.EntryInput;

/**
 * A unit's transfer package (移交包) unpacked into its work folder: a BagIt 1.0 bag (RFC 8493) whose payload holds the
 * catalogue sheet and the records' files. What the unpacking already found wrong (unsafe entries, zip bombs, entries
 * that cannot be read) is in {@code unpacking}; everything else is judged by {@link FourPropertiesCheck}.
 *
 * @param workDir   the folder the package was unpacked into; {@link TransferPackages#discard} removes it
 * @param bagRoot   the bag's top folder (the work folder, or its one top-level folder)
 * @param bagInfo   bag-info.txt's labels and values, in order
 * @param manifests payload manifests by algorithm ({@code sha256}, {@code sm3}): payload-relative path → digest
 * @param tagManifests tag manifests by algorithm: bag-relative path → digest
 * @param catalogue the catalogue sheet's payload-relative name, or null when the package has none
 * @param records   the catalogue's rows
 * @param files     the payload's files as unpacked (the catalogue sheet included)
 * @param withheld  payload-relative names the unpacking did not extract for a reason it reported
 */
public record TransferPackage(Path workDir, Path bagRoot, List<Map.Entry<String, String>> bagInfo,
        Map<String, Map<String, String>> manifests, Map<String, Map<String, String>> tagManifests, String catalogue,
        List<PackageRecord> records, List<PayloadFile> files, List<String> withheld, List<PropertyCheck> unpacking) {

    /** One record of the catalogue sheet: its row, its entry as given, and its files, payload-relative. */
    public record PackageRecord(int row, EntryInput entry, List<String> files) {
    }

    /** One file of the payload: its payload-relative name ({@code /}-separated), size and place on disk. */
    public record PayloadFile(String name, long size, Path location) {
    }

    /** The first value of a bag-info label, compared without regard to case; null when absent. */
    public String bagInfo(String label) {
        return bagInfo.stream().filter(e -> e.getKey().equalsIgnoreCase(label)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }
}
