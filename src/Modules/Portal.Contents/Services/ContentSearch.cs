using Microsoft.EntityFrameworkCore;
using Portal.Contents.Data;

namespace Portal.Contents.Services;

/// <summary>A search row that matches the text, with its relevance (higher is better).</summary>
public sealed class SearchHit
{
    public long Id { get; set; }
    public double Rank { get; set; }
}

/// <summary>
/// The full-text match in the database, one query per provider: PostgreSQL's Italian text search on the generated
/// tsvector column (stems: "domande" finds "domanda"), SQLite's FTS5 table (prefixes). The typed text is only ever a
/// parameter; on SQLite it is first rebuilt as quoted words by <see cref="SearchText.ToFts5Match"/>.
/// </summary>
public static class ContentSearch
{
    public static IQueryable<SearchHit> Hits(ContentsDbContext db, SearchText text)
    {
        if (db.IsPostgres)
        {
            var words = text.ToPlainQuery();
            return db.Database.SqlQuery<SearchHit>($"""
                SELECT s."Id" AS "Id", ts_rank(s.search_vector, q.query)::float8 AS "Rank"
                FROM contents_search s, plainto_tsquery('italian', {words}) AS q(query)
                WHERE s.search_vector @@ q.query
                """);
        }
        var match = text.ToFts5Match();
        return db.Database.SqlQuery<SearchHit>($"""
            SELECT rowid AS "Id", -bm25(contents_search_fts, 10.0, 5.0, 1.0) AS "Rank"
            FROM contents_search_fts WHERE contents_search_fts MATCH {match}
            """);
    }
}
