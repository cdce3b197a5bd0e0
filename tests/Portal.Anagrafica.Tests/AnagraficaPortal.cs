using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Anagrafica.Data;
using Portal.Anagrafica.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Validation;
using Portal.Testing;

namespace Portal.Anagrafica.Tests;

/// <summary>The portal with a recording <see cref="IAnagraficaSavedHandler"/> that can be told to fail for a person.</summary>
public sealed class AnagraficaPortal : PortalFactory
{
    public RecordingHandler Handler { get; } = new();

    public AnagraficaPortal() : base(TestDatabase.Create()) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IAnagraficaSavedHandler>(Handler));
    }

    /// <summary>A new citizen (listed on the development login) with a valid codice fiscale born in <paramref name="place"/>.</summary>
    public async Task<(Guid Id, string Cf)> NewCitizenAsync(string nome = "Giovanna", string cognome = "Prova", string place = "H501", char sex = 'F', string? email = "giovanna.prova@example.org")
    {
        var letters = new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetterOrDigit).Select(c => (char)('A' + c % 26)).Take(6).ToArray());
        var day = sex == 'F' ? "52" : "12";
        var digits = Random.Shared.Next(10, 99).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first15 = $"{letters}{digits}C{day}{place}";
        var cf = first15 + CodiceFiscale.CheckCharacter(first15);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var person = new Person { CodiceFiscale = cf, Nome = nome, Cognome = cognome, Email = email, IsDemo = true, CreatedUtc = DateTime.UtcNow };
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        return (person.Id, cf);
    }

    public Task<Model.AnagraficaRecord?> RecordAsync(Guid personId) =>
        this.InScopeAsync(sp => sp.GetRequiredService<AnagraficaDbContext>().Records.AsNoTracking().FirstOrDefaultAsync(r => r.PersonId == personId));

    public Task<List<Portal.AuditTrail.Model.AuditEntry>> AuditAsync(string subjectContains) =>
        this.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AsNoTracking()
            .Where(a => a.Subject != null && a.Subject.Contains(subjectContains)).OrderBy(a => a.Id).ToListAsync());

    public Task<RegistryImportResult> ImportRowsAsync(params RegistryRow[] rows) =>
        this.InScopeAsync(sp => sp.GetRequiredService<RegistryImporter>().ImportRowsAsync(rows, default));
}

public sealed class RecordingHandler : IAnagraficaSavedHandler
{
    public ConcurrentQueue<AnagraficaSaved> Received { get; } = new();
    public ConcurrentDictionary<Guid, bool> FailFor { get; } = new();

    public Task HandleAsync(AnagraficaSaved saved, CancellationToken ct)
    {
        if (FailFor.ContainsKey(saved.PersonId)) throw new InvalidOperationException("Il modulo DID non è raggiungibile.");
        Received.Enqueue(saved);
        return Task.CompletedTask;
    }
}
