package cn.lantai.stacks;

/**
 * A box (档案盒) of the stacks: its number as written on its spine, what it holds (a fonds, year and category, or a free
 * title), and its shelf ({@code null} while not shelved). The entries put in it stand where it stands.
 *
 * @param entries how many 卷 and 件 it holds
 */
public record Box(long id, String number, String fonds, Integer year, String category, String title,
        Location location, long entries) {
}
