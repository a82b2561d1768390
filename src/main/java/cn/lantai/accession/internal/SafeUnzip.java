package cn.lantai.accession.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.lantai.accession.PackageRefused;
import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.catalog.ZipEntryNames;
import cn.lantai.catalog.ZipInflation;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a zip entry by entry into an empty work folder, never writing outside it. An entry that must not be written
 * (a name leaving the folder, a symbolic link, a name seen before) or cannot be (encrypted, an unknown compression,
 * corrupt) is left out and reported; one inflating past its limits is stopped at once, deleted and reported; the other
 * entries go on. Only the whole package inflating past its total, or a file that is no zip or holds nothing, refuses
 * the package, and then the work folder is removed.
 */
public final class SafeUnzip {

    /** How far a package may inflate and how many entries it may hold. */
    public record Limits(ZipInflation.Limits inflation, int entries) {
    }

    /** What was unpacked (zip-relative names), what was left out for a reported reason, and the reports. */
    public record Unpacked(List<String> extracted, List<String> withheld, List<Finding> findings) {
    }

    private final Limits limits;

    public SafeUnzip(Limits limits) {
        this.limits = limits;
    }

    public Unpacked unpack(Path zipFile, Path workDir) {
        try {
            return unpackInto(zipFile, workDir);
        } catch (RuntimeException e) {
            WorkFolders.remove(workDir);
            throw e;
        }
    }

    private Unpacked unpackInto(Path zipFile, Path workDir) {
        Unpack run = new Unpack(workDir.toAbsolutePath().normalize(), new ZipInflation(limits.inflation()));
        try {
            Files.createDirectories(run.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make work folder " + workDir, e);
        }
        ZipFile opened;
        try {
            opened = ZipFile.builder().setFile(zipFile.toFile()).get();
        } catch (IOException e) {
            throw new PackageRefused("accession.package.not-zip");
        }
        try (ZipFile zip = opened) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            int count = 0;
            while (entries.hasMoreElements()) {
                if (++count > limits.entries()) {
                    throw new PackageRefused("accession.package.too-many-entries", limits.entries());
                }
                run.entry(zip, entries.nextElement());
            }
            if (count == 0) {
                throw new PackageRefused("accession.package.empty");
            }
        } catch (ZipInflation.Exceeded e) {
            throw new PackageRefused("accession.package.too-large", limits.inflation().total() >> 20);
        } catch (IOException e) {
            // the zip opened, so this is the server's own disk (full, failing), not the unit's package
            throw new UncheckedIOException("cannot unpack into " + workDir, e);
        }
        return new Unpacked(List.copyOf(run.extracted), List.copyOf(run.withheld), List.copyOf(run.findings));
    }

    /** One unpacking's state. */
    private static final class Unpack {

        private final Path root;
        private final ZipInflation inflation;
        private final Set<String> seen = new HashSet<>();
        private final List<String> extracted = new ArrayList<>();
        private final List<String> withheld = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();

        Unpack(Path root, ZipInflation inflation) {
            this.root = root;
            this.inflation = inflation;
        }

        void entry(ZipFile zip, ZipArchiveEntry entry) throws IOException {
            ZipEntryNames.Judged judged = ZipEntryNames.judge(entry, root);
            String name = judged.name();
            if (!judged.safe()) {
                switch (judged.refusal()) {
                    case LEAVES_FOLDER -> refuse(judged.raw(), Property.SECURITY, "SEC-PATH",
                            "accession.check.unsafe-path");
                    case TOO_LONG -> refuse(judged.raw(), Property.SECURITY, "SEC-PATH",
                            "accession.check.name-too-long");
                    case LINK -> refuse(name, Property.SECURITY, "SEC-PATH", "accession.check.symlink");
                }
                return;
            }
            if (!seen.add(name)) {
                refuse(name, Property.SECURITY, "SEC-PATH", "accession.check.duplicate-entry");
                return;
            }
            if (clashes(root.resolve(name), entry.isDirectory())) {
                refuse(name, Property.SECURITY, "SEC-PATH", "accession.check.path-clash");
                return;
            }
            if (entry.isDirectory()) {
                Files.createDirectories(root.resolve(name));
                return;
            }
            if (entry.getGeneralPurposeBit().usesEncryption()) {
                refuse(name, Property.USABILITY, "USE-ENCRYPTED", "accession.check.zip-encrypted");
                return;
            }
            if (!zip.canReadEntryData(entry)) {
                refuse(name, Property.USABILITY, "USE-COMPRESSION", "accession.check.zip-method",
                        entry.getMethod());
                return;
            }
            write(zip, entry, name);
        }

        /** A file where the name needs a folder, or a folder where it needs a file ({@code a} and {@code a/b}). */
        private boolean clashes(Path target, boolean folder) {
            for (Path p = target.getParent(); p != null && !p.equals(root); p = p.getParent()) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
            }
            return !folder && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
        }

        /**
         * Inflates one entry. Its data failing (bad CRC, truncated) is the unit's corrupt entry; the server's disk
         * failing (full, read-only) is thrown on, never blamed on the package.
         */
        private void write(ZipFile zip, ZipArchiveEntry entry, String name) throws IOException {
            Path target = root.resolve(name);
            Files.createDirectories(target.getParent());
            DiskOutput out = new DiskOutput(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW));
            try (out) {
                inflation.inflate(zip, entry, out);
            } catch (ZipInflation.Exceeded e) {
                Files.deleteIfExists(target);
                if (e.excess() == ZipInflation.Excess.TOTAL) {
                    throw e;
                }
                refuse(name, Property.SECURITY, "SEC-BOMB", "accession.check.zip-bomb",
                        inflation.limits().entry() >> 20, inflation.limits().ratio());
                return;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(target);
                if (out.failure != null) {
                    throw out.failure;
                }
                refuse(name, Property.INTEGRITY, "INTEG-CORRUPT", "accession.check.entry-unreadable");
                return;
            }
            extracted.add(name);
        }

        private void refuse(String name, Property property, String code, String reason, Object... args) {
            withheld.add(name);
            findings.add(Finding.fail(property, code, null, name, reason, args));
        }
    }

    /** The file being written, remembering its own failure so it is told apart from the entry's data failing. */
    private static final class DiskOutput extends FilterOutputStream {

        private IOException failure;

        DiskOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private IOException failed(IOException e) {
            failure = e;
            return e;
        }
    }
}
