package cn.lantai.accession;

/**
 * Transfers received (接收) over a range of time, as the yearly statistics count them: transfers accepted (electronic
 * ones when the receiving staff accepted them, paper ones when recorded), and the files (卷) and items (件) they
 * brought as their counts say.
 */
public record TransfersReceived(long transfers, long volumes, long items) {
}
