package cn.lantai.accession;

/**
 * Where a transfer stands: an electronic one is CHECKING (unpacked and checked in a background job), then CHECKED
 * (report ready) or REFUSED (it could not be checked at all: not a bag, another unit's fonds); the receiving staff
 * then accept it (STORING while its records enter the catalogue and the store, then ACCEPTED) or reject it
 * (REJECTED). A paper transfer is RECORDED at once.
 */
public enum TransferState {
    CHECKING, CHECKED, REFUSED, STORING, ACCEPTED, REJECTED, RECORDED
}
