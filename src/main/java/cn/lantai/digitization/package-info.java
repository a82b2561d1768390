/**
 * Digitization (数字化, DA/T 31-2017): scan batches of page images checked page by page and attached to their
 * catalogue entries by 档号 (挂接), the masters kept unchanged in the archival store, derivatives made from them (access
 * images, PDF with a text layer, OFD), OCR text for search, and the pages served over IIIF Image and Presentation 3.0.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "preservation", "jobs", "audit",
        "search", "identity"})
package cn.lantai.digitization;
