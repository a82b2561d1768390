/**
 * The catalogue (著录): fonds, categories, items (件) and files (卷), archival codes (档号, DA/T 22-2015),
 * description fields (DA/T 18-2022), change history, and Excel/CSV import and export.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"jobs", "audit"})
package cn.lantai.catalog;
