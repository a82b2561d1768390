package cn.lantai.catalog;

/** The person already has as much import work under way as one person may (answered 429 Too Many Requests). */
public class ImportsBusy extends CatalogProblem {

    public ImportsBusy(int perPerson) {
        super("problem.imports-busy", perPerson);
    }
}
