package cn.lantai.digitization.internal.batches;

/**
 * One file of a 档号 in a batch: its path relative to the batch's folder, its page number as its name gives it
 * ({@code 0003.jpg}, {@code 档号-0003.jpg}), or 0 for a multi-page file named by the 档号 alone ({@code whole}).
 */
public record BatchFile(String file, int number, boolean whole) {
}
