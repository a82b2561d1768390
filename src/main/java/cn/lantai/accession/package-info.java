/**
 * Accession (接收): units' transfer packages (zipped BagIt bags with their catalogue) read safely, and the
 * four-properties check of DA/T 70-2018 (authenticity, integrity, usability, security) over what they hold.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "preservation", "jobs", "audit",
        "identity"})
package cn.lantai.accession;
