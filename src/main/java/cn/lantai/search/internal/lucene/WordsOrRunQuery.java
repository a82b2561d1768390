package cn.lantai.search.internal.lucene;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * One part of the user's words: found as its words, or else as a run of characters ({@link LuceneQueryBuilder}). A
 * record the words find scores as the words do, and the run is not checked there; only a record the words miss has
 * the run's positions checked, and scores the run's constant. A disjunction of the two would check the run's positions
 * in every record the words find, to add the run's score: a fifth of a words search's processor in process.
 */
final class WordsOrRunQuery extends Query {

    private final Query words;
    private final Query run;
    private final float runScore;

    WordsOrRunQuery(Query words, Query run, float runScore) {
        this.words = Objects.requireNonNull(words);
        this.run = Objects.requireNonNull(run);
        this.runScore = runScore;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query w = words.rewrite(searcher);
        Query r = run.rewrite(searcher);
        return w == words && r == run ? this : new WordsOrRunQuery(w, r, runScore);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight w = searcher.createWeight(words, scoreMode, boost);
        Weight r = searcher.createWeight(run, ScoreMode.COMPLETE_NO_SCORES, 1f);
        float constant = runScore * boost;
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Scorer ws = w.scorer(context);
                Scorer rs = r.scorer(context);
                if (ws == null && rs == null) {
                    return null;
                }
                return new Either(this, ws, rs, constant);
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Explanation byWords = w.explain(context, doc);
                if (byWords.isMatch()) {
                    return byWords;
                }
                Explanation byRun = r.explain(context, doc);
                return byRun.isMatch() ? Explanation.match(constant, "the run of characters, the words missing", byRun)
                        : Explanation.noMatch("neither the words nor the run of characters", byWords, byRun);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return w.isCacheable(context) && r.isCacheable(context);
            }
        };
    }

    /** Iterates the union of both; a record is the words' if they are on it and match, else the run's if it matches. */
    private static final class Either extends Scorer {

        private final Scorer words;
        private final Scorer run;
        private final DocIdSetIterator wordsApproximation;
        private final DocIdSetIterator runApproximation;
        private final TwoPhaseIterator wordsTwoPhase;
        private final TwoPhaseIterator runTwoPhase;
        private final float runScore;
        private final TwoPhaseIterator twoPhase;
        private int doc = -1;
        private boolean byWords;

        Either(Weight weight, Scorer words, Scorer run, float runScore) {
            super(weight);
            this.words = words;
            this.run = run;
            this.wordsTwoPhase = words == null ? null : words.twoPhaseIterator();
            this.runTwoPhase = run == null ? null : run.twoPhaseIterator();
            this.wordsApproximation = words == null ? DocIdSetIterator.empty()
                    : wordsTwoPhase == null ? words.iterator() : wordsTwoPhase.approximation();
            this.runApproximation = run == null ? DocIdSetIterator.empty()
                    : runTwoPhase == null ? run.iterator() : runTwoPhase.approximation();
            this.runScore = runScore;
            DocIdSetIterator union = new DocIdSetIterator() {
                @Override
                public int docID() {
                    return doc;
                }

                @Override
                public int nextDoc() throws IOException {
                    return advance(doc + 1);
                }

                @Override
                public int advance(int target) throws IOException {
                    int w = wordsApproximation.docID();
                    if (w < target) {
                        w = wordsApproximation.advance(target);
                    }
                    int r = runApproximation.docID();
                    if (r < target) {
                        r = runApproximation.advance(target);
                    }
                    return doc = Math.min(w, r);
                }

                @Override
                public long cost() {
                    return wordsApproximation.cost() + runApproximation.cost();
                }
            };
            float cost = (wordsTwoPhase == null ? 0 : wordsTwoPhase.matchCost())
                    + (runTwoPhase == null ? 0 : runTwoPhase.matchCost());
            this.twoPhase = new TwoPhaseIterator(union) {
                @Override
                public boolean matches() throws IOException {
                    byWords = wordsApproximation.docID() == doc && (wordsTwoPhase == null || wordsTwoPhase.matches());
                    return byWords
                            || runApproximation.docID() == doc && (runTwoPhase == null || runTwoPhase.matches());
                }

                @Override
                public float matchCost() {
                    return cost;
                }
            };
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public float score() throws IOException {
            return byWords ? words.score() : runScore;
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return Math.max(words == null ? 0f : words.getMaxScore(upTo), runScore);
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return words == null ? DocIdSetIterator.NO_MORE_DOCS : words.advanceShallow(target);
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return twoPhase;
        }

        @Override
        public DocIdSetIterator iterator() {
            return TwoPhaseIterator.asDocIdSetIterator(twoPhase);
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor either = visitor.getSubVisitor(Occur.SHOULD, this);
        words.visit(either);
        run.visit(either);
    }

    @Override
    public String toString(String field) {
        return "(" + words.toString(field) + ")|(" + run.toString(field) + ")^" + runScore;
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && words.equals(((WordsOrRunQuery) other).words)
                && run.equals(((WordsOrRunQuery) other).run) && runScore == ((WordsOrRunQuery) other).runScore;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), words, run, runScore);
    }
}
