package cn.lantai.stacks;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import cn.lantai.catalog.Classification;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Staff;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The shelf map in the browser, as a person of the stacks (库房) uses it: adds a room, adds a box on one of its shelves,
 * finds the box in the map's cell, takes it out (the box and the cell marked out) and returns it.
 */
class ShelfMapBrowserTest extends BrowserTest {

    static final String KEEPER = "stacks-map";

    @Test
    void aKeeperShelvesABoxFindsItOnTheMapTakesItOutAndReturnsIt() {
        staff.ensure(KEEPER, "库房管理员", null, Classification.SECRET, List.of("STACKS"));
        String room = "M" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        String box = "HB-" + room;

        signIn(new Account(KEEPER, Staff.PASSWORD));
        visit("/stacks");
        Locator addRoom = page.locator("#add-room");
        if (!addRoom.isVisible()) {
            page.locator("details.add-room summary").click();
        }
        addRoom.locator("#room-code").fill(room);
        addRoom.locator("#room-name").fill("三号库房");
        addRoom.locator("#room-kind").selectOption("PAPER");
        addRoom.locator("#room-rows").fill("4");
        addRoom.locator("#room-sections").fill("5");
        addRoom.locator("#room-shelves").fill("3");
        addRoom.locator("button[type=submit]").click();
        assertThat(page.locator(".room-tabs a[aria-current=page]")).containsText(room);
        assertThat(page.locator("#shelf-map tbody tr")).hasCount(4);

        // a location beyond the room's layout is refused on the page, nothing added
        page.locator("#box-number").fill(box);
        page.locator("#box-title").fill("2019年文书档案");
        page.locator("#box-location").fill(room + "-09-01-1");
        page.locator("#add-box button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("超出库房");

        page.locator("#box-number").fill(box);
        page.locator("#box-title").fill("2019年文书档案");
        page.locator("#box-location").fill("  " + room.toLowerCase() + "－０２－０３－１");
        page.locator("#add-box button[type=submit]").click();
        assertThat(page.locator("h1")).containsText(box);
        assertThat(page.locator("#box-location")).hasText(room + "-02-03-1");
        screenshot("box-shelved");

        page.locator("#box-location a").click();
        Locator cell = page.locator("#shelf-map td[data-cell='2-3']");
        assertThat(cell).containsText("1 盒");
        assertThat(page.locator("#cell-detail tr[data-location='" + room + "-02-03-1']")).containsText(box);
        screenshot("cell");

        page.locator("#cell-detail a", new Page.LocatorOptions().setHasText(box)).click();
        page.locator("#box-out-reason").selectOption("DIGITIZATION");
        page.locator("#box-out-note").fill("整盒扫描");
        page.locator("#box-out button[type=submit]").click();
        assertThat(page.locator("#box-state")).containsText("已出库");
        assertThat(page.locator("#box-log tbody tr")).hasCount(1);

        page.locator("#box-location a").click();
        assertThat(cell).hasClass(Pattern.compile(".*has-out.*"));
        assertThat(cell.locator(".out-mark")).containsText("1 出库");
        assertThat(page.locator("#out-now")).containsText(box);
        screenshot("out");

        page.locator("#cell-detail a", new Page.LocatorOptions().setHasText(box)).click();
        page.locator("#box-in button[type=submit]").click();
        assertThat(page.locator("#box-state")).containsText("在库");
        assertThat(page.locator("#box-log tbody tr").first()).not().containsText("—");
        page.locator("#box-location a").click();
        assertThat(cell.locator(".out-mark")).hasCount(0);
    }
}
