using Portal.AuditTrail.Services;
using Portal.AuditTrail.Model;
using Microsoft.EntityFrameworkCore;
using Portal.AuditTrail.Data;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Text;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>"%" and "_" typed in a search are characters to find, not wildcards.</summary>
public class SearchEscapingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("50%", "%50\\%%")]
    [InlineData("a_b", "%a\\_b%")]
    [InlineData("C:\\dati", "%c:\\\\dati%")]
    [InlineData("  Rossi ", "%rossi%")]
    public void The_pattern_escapes_wildcards(string text, string pattern) => Assert.Equal(pattern, LikePattern.Containing(text));

    [Fact]
    public async Task The_audit_search_finds_a_literal_percent_and_underscore_only()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AuditTrailDbContext>();
            db.Audit.AddRange(
                new AuditEntry { Utc = DateTime.UtcNow, Action = "Prova.Ricerca", Subject = $"{tag} sconto 50% applicato", ActorName = "utente_uno" },
                new AuditEntry { Utc = DateTime.UtcNow, Action = "Prova.Ricerca", Subject = $"{tag} sconto 500 applicato", ActorName = "utenteXuno" });
            await db.SaveChangesAsync();
        });
        var percent = await SearchAsync(new AuditFilter(Testo: $"{tag} sconto 50%"));
        Assert.Equal([$"{tag} sconto 50% applicato"], percent);
        var underscore = await SearchAsync(new AuditFilter(Azione: "Prova.Ricerca", Chi: "utente_uno", Testo: tag));
        Assert.Equal([$"{tag} sconto 50% applicato"], underscore);
    }

    private Task<List<string?>> SearchAsync(AuditFilter filter) => portal.InScopeAsync(sp =>
        sp.GetRequiredService<AuditQuery>().Apply(filter).Select(a => a.Subject).ToListAsync());
}
