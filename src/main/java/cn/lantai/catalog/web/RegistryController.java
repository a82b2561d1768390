package cn.lantai.catalog.web;

import java.util.List;

import cn.lantai.catalog.CatalogRegistry;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Fonds (全宗) and categories (门类) with their administrator-defined fields. */
@RestController
class RegistryController {

    private final CatalogRegistry catalog;

    RegistryController(CatalogRegistry catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/fonds")
    List<Fonds> fonds() {
        return catalog.fonds();
    }

    @PutMapping("/api/v1/fonds/{code}")
    Fonds registerFonds(@PathVariable String code, @RequestBody Fonds fonds,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch, Viewer viewer) {
        return catalog.saveFonds(fonds.withCode(code), intent(ifNoneMatch), viewer);
    }

    @GetMapping("/api/v1/categories")
    List<Category> categories() {
        return catalog.categories();
    }

    @GetMapping("/api/v1/categories/{code}")
    Category category(@PathVariable String code) {
        return catalog.category(code);
    }

    @PutMapping("/api/v1/categories/{code}")
    Category defineCategory(@PathVariable String code, @RequestBody Category category,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch, Viewer viewer) {
        return catalog.saveCategory(new Category(code, category.name(), category.fields()), intent(ifNoneMatch),
                viewer);
    }

    /** {@code If-None-Match: *} asks for a new one only: a code already taken is refused (409), as in the pages. */
    private static CatalogRegistry.Intent intent(String ifNoneMatch) {
        return "*".equals(ifNoneMatch == null ? null : ifNoneMatch.strip()) ? CatalogRegistry.Intent.NEW
                : CatalogRegistry.Intent.EITHER;
    }
}
