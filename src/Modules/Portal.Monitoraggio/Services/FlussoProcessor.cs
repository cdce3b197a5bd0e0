using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Comuni;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Outbox;
using Portal.Core.Protocol;
using Portal.Core.Time;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// Processes a queued feed in the background (outbox kind <see cref="FlussoJobs.Elabora"/>, ordered: one feed at a
/// time, in arrival order). One streaming pass validates and, inside one unit of work, upserts the practices as it
/// goes: at the first error or warning the unit is rolled back (nothing applied) and the pass goes on only to
/// report. A clean feed is committed together with its outcome and its protocol request; a confirmed feed with
/// warnings is applied by a second job, unless a newer feed of the ente was applied meanwhile. A node that dies mid-way
/// leaves the unit uncommitted: the job is retried; a job that fails for good leaves the feed refused, not "in elaborazione".
/// </summary>
public sealed class FlussoProcessor(
    IServiceScopeFactory scopes, MonitoraggioDbContext db, IUnitOfWork unitOfWork, RegionComuni comuni,
    IProtocolQueue protocol, IAuditTrail audit, PortalConnection connection, IOptions<MonitoraggioOptions> options,
    IOptions<OutboxOptions> outbox, TimeProvider clock, ILogger<FlussoProcessor> logger) : IOutboxHandler
{
    private const int IssueBatch = 2000;

    public string Kind => FlussoJobs.Elabora;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = FlussoJobs.Read(message.Payload);
        var flusso = await db.Flussi.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (flusso is null) return;
        var confirmed = flusso.Stato == StatoFlusso.Confermato;
        if (!confirmed && flusso.Stato is not (StatoFlusso.InCoda or StatoFlusso.InElaborazione)) return;
        try
        {
            await ProcessAsync(flusso, confirmed, ct);
        }
        // The outbox's rule: a refusal of the domain fails at once, anything else after the last allowed attempt.
        catch (Exception e) when (!ct.IsCancellationRequested
                                  && (e is PortalException { Kind: PortalErrorKind.Invalid or PortalErrorKind.NotFound } || message.Attempt >= Math.Max(1, outbox.Value.MaxAttempts)))
        {
            await GiveUpAsync(flusso, confirmed, message.Attempt);
            throw;
        }
    }

    /// <summary>
    /// The job will not be tried again: the feed ends refused, with the reason, so the operator is not left waiting for it
    /// (its transaction never committed: nothing was applied). From a scope of its own: this one's connection may be unusable.
    /// </summary>
    private async Task GiveUpAsync(Flusso flusso, bool confirmed, int attempts)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var other = services.GetRequiredService<MonitoraggioDbContext>();
        await using var work = await services.GetRequiredService<IUnitOfWork>().BeginAsync(CancellationToken.None);
        // The findings of an interrupted first pass are partial: they would read as the file's report.
        if (!confirmed) await other.Segnalazioni.Where(s => s.FlussoId == flusso.Id).ExecuteDeleteAsync(CancellationToken.None);
        var esito = $"Respinto: l'elaborazione non è riuscita dopo {attempts} tentativi per un problema del portale, non del file. " +
                    "Nessuna pratica è stata modificata: inviare di nuovo il file; se il problema si ripete, rivolgersi all'assistenza.";
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await other.Flussi.Where(f => f.Id == flusso.Id && (f.Stato == StatoFlusso.InCoda || f.Stato == StatoFlusso.InElaborazione || f.Stato == StatoFlusso.Confermato))
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.Stato, StatoFlusso.Respinto).SetProperty(f => f.CompletedUtc, now).SetProperty(f => f.Esito, esito), CancellationToken.None);
        if (changed == 0) return;
        await services.GetRequiredService<IAuditTrail>().RecordAsync("Monitoraggio.Respinto", $"Flusso {flusso.Id}",
            $"Ente {flusso.EnteCode}: file «{flusso.FileName}» respinto, elaborazione non riuscita dopo {attempts} tentativi; nessuna pratica modificata.");
        await work.CompleteAsync(CancellationToken.None);
        logger.LogWarning("Flusso {Id} dell'ente {Ente} respinto: elaborazione non riuscita dopo {Attempts} tentativi", flusso.Id, flusso.EnteCode, attempts);
    }

    /// <summary>
    /// A confirmed feed is applied only if no newer feed of the ente was applied since the confirmation (the newer one was
    /// queued before the confirmation's job): applying the older data now would overwrite the newer.
    /// </summary>
    private async Task<bool> OvertakenAsync(Flusso flusso, CancellationToken ct)
    {
        var newer = await db.Flussi.AsNoTracking().AnyAsync(f => f.EnteCode == flusso.EnteCode && f.Stato == StatoFlusso.Applicato && f.CreatedUtc > flusso.CreatedUtc, ct);
        if (!newer) return false;
        await using var work = await unitOfWork.BeginAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        const string esito = "Respinto: dopo la conferma è stato applicato un flusso più recente dello stesso ente, e questo, più vecchio, ne sovrascriverebbe i dati. " +
                             "Nessuna pratica è stata modificata: se servono, inviare di nuovo i dati aggiornati.";
        await db.Flussi.Where(f => f.Id == flusso.Id && f.Stato == StatoFlusso.Confermato).ExecuteUpdateAsync(u => u
            .SetProperty(f => f.Stato, StatoFlusso.Respinto).SetProperty(f => f.CompletedUtc, now).SetProperty(f => f.Esito, esito), ct);
        await audit.RecordAsync("Monitoraggio.Respinto", $"Flusso {flusso.Id}",
            $"Ente {flusso.EnteCode}: il flusso confermato «{flusso.FileName}» non è applicato, perché nel frattempo è stato applicato un flusso più recente dell'ente.");
        await work.CompleteAsync(ct);
        logger.LogInformation("Flusso confermato {Id} dell'ente {Ente} respinto: superato da un flusso più recente già applicato", flusso.Id, flusso.EnteCode);
        return true;
    }

    /// <summary>Processes a feed now, in the caller's scope (the demo recipe: its feeds are decided before the site opens).</summary>
    internal async Task ProcessNowAsync(Guid id, CancellationToken ct)
    {
        var flusso = await db.Flussi.AsNoTracking().SingleAsync(f => f.Id == id, ct);
        await ProcessAsync(flusso, confirmed: false, ct);
    }

    private async Task ProcessAsync(Flusso flusso, bool confirmed, CancellationToken ct)
    {
        if (confirmed && await OvertakenAsync(flusso, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!confirmed)
        {
            // A retry after a crash starts again from nothing: the report of the interrupted pass is dropped.
            await db.Segnalazioni.Where(s => s.FlussoId == flusso.Id).ExecuteDeleteAsync(ct);
            await db.Flussi.Where(f => f.Id == flusso.Id).ExecuteUpdateAsync(u => u
                .SetProperty(f => f.Stato, StatoFlusso.InElaborazione).SetProperty(f => f.StartedUtc, now)
                .SetProperty(f => f.Righe, 0).SetProperty(f => f.LetturaCompleta, false), ct);
        }
        var province = await comuni.ProvinceByCodeAsync(ct);
        var misure = (await db.Misure.AsNoTracking().Select(m => m.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var held = new Dictionary<ulong, byte>();
        await foreach (var p in db.Pratiche.AsNoTracking().Where(p => p.EnteCode == flusso.EnteCode).Select(p => new { p.IdPratica, p.Stato }).AsAsyncEnumerable().WithCancellation(ct))
            // Every held practice is known (the apply tells updates from new practices by it); a state outside the layout ranks lowest.
            held[PraticaKey.Hash(p.IdPratica)] = (byte)(FeedFormat.Rank(p.Stato) ?? 0);
        var lastAccepted = await db.Flussi.AsNoTracking().Where(f => f.EnteCode == flusso.EnteCode && f.Stato == StatoFlusso.Applicato && f.Id != flusso.Id)
            .MaxAsync(f => f.DataRiferimento, ct);
        // A line of the layout takes 150 bytes or more in practice (the bench's average is 180): the estimate sizes the table of IDs.
        var expected = (int)Math.Min(flusso.Length / 150, 1_000_000);
        var context = new FeedContext(flusso.EnteCode, DateOnly.FromDateTime(RomeTime.ToRome(clock.GetUtcNow().UtcDateTime)), province, misure, held, lastAccepted, expected);

        var allocated = GC.GetTotalAllocatedBytes();
        var work = await unitOfWork.BeginAsync(ct);
        var applying = true;
        await using IPraticheSink writer = connection.Provider == DatabaseProvider.Postgres
            ? new PostgresPraticheSink(db, flusso.Id)
            : new PraticheWriter(db, flusso.Id, province, sqlite: true);
        var pending = new List<FlussoSegnalazione>();
        try
        {
            async ValueTask StopApplyingAsync()
            {
                if (!applying) return;
                applying = false;
                await writer.AbortAsync();
                await work.DisposeAsync();
            }

            async ValueTask OnIssue(FeedIssue issue)
            {
                // Confirmed warnings were accepted by the operator; anything else stops the apply.
                if (confirmed && issue.Avviso) return;
                await StopApplyingAsync();
                pending.Add(new FlussoSegnalazione
                {
                    FlussoId = flusso.Id, Riga = issue.Line, Campo = issue.Field, Valore = Printable(issue.Value), Codice = issue.Code,
                    Messaggio = Printable(issue.Message), Avviso = issue.Avviso,
                });
                if (pending.Count >= IssueBatch) await FlushIssuesAsync(pending, ct);
            }

            async ValueTask OnRow(FeedRow row)
            {
                if (applying) await writer.AddAsync(row, ct);
            }

            async ValueTask OnProgress(int lines)
            {
                // While the unit is open SQLite would wait for it: progress of an apply is shown on PostgreSQL only.
                if (applying && connection.Provider == DatabaseProvider.Sqlite) return;
                await using var scope = scopes.CreateAsyncScope();
                var other = scope.ServiceProvider.GetRequiredService<MonitoraggioDbContext>();
                await other.Flussi.Where(f => f.Id == flusso.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.Righe, lines), ct);
            }

            FeedSummary summary;
            // The bytes are read on a connection of their own: the unit's connection may be busy with a COPY.
            await using var readScope = scopes.CreateAsyncScope();
            await using (var stream = readScope.ServiceProvider.GetRequiredService<FlussoBlocchi>().Open(flusso.Id))
                summary = await new FeedValidator(context).RunRowsAsync(stream, OnIssue, OnRow, OnProgress, Math.Max(1, options.Value.ProgressEvery), ct);

            var riepilogo = JsonSerializer.Serialize(summary.PerStato, JsonSerializerOptions.Web);
            var regole = JsonSerializer.Serialize(summary.PerRule, JsonSerializerOptions.Web);
            if (applying)
            {
                await writer.CompleteAsync(ct);
                var esito = confirmed
                    ? $"Applicato dopo la conferma dell'operatore: {summary.Lines} pratiche aggiornate."
                    : $"Applicato: {summary.Lines} pratiche aggiornate, nessun errore e nessun avviso.";
                await SetOutcomeAsync(flusso.Id, StatoFlusso.Applicato, summary, riepilogo, confirmed ? null : regole, esito, ct);
                await protocol.EnqueueAsync(Flusso.SubjectType, flusso.Id.ToString(),
                    $"Flusso di monitoraggio dell'ente {flusso.EnteCode}, dati al {summary.DataRiferimento:dd/MM/yyyy}, {summary.Lines} pratiche",
                    [FlussoJobs.Receipt(flusso.Id)], ct);
                await audit.RecordAsync("Monitoraggio.Applicato", $"Flusso {flusso.Id}",
                    $"Ente {flusso.EnteCode}: file «{flusso.FileName}» (SHA-256 {flusso.Sha256}) applicato, {summary.Lines} pratiche, dati al {summary.DataRiferimento:dd/MM/yyyy}.");
                await work.CompleteAsync(ct);
                var gc = GC.GetGCMemoryInfo();
                logger.LogInformation("Flusso {Id} dell'ente {Ente} applicato: {Righe} righe; memoria: allocati {Allocati} MB, heap gestito {Heap} MB, impegnati {Impegnati} MB",
                    flusso.Id, flusso.EnteCode, summary.Lines, (GC.GetTotalAllocatedBytes() - allocated) >> 20, gc.HeapSizeBytes >> 20, gc.TotalCommittedBytes >> 20);
                return;
            }

            await FlushIssuesAsync(pending, ct);
            await using var outcome = await unitOfWork.BeginAsync(ct);
            var stato = summary.Errors > 0 ? StatoFlusso.Respinto : StatoFlusso.ConAvvisi;
            var text = stato == StatoFlusso.Respinto
                ? $"Respinto: {summary.Errors} errori{(summary.Warnings > 0 ? $" e {summary.Warnings} avvisi" : "")}. Nessuna pratica è stata modificata: correggere il file e inviarlo di nuovo."
                : $"Con avvisi: {summary.Warnings} avvisi e nessun errore. Le pratiche saranno aggiornate solo se l'operatore conferma il flusso.";
            await SetOutcomeAsync(flusso.Id, stato, summary, riepilogo, regole, text, ct);
            await audit.RecordAsync(stato == StatoFlusso.Respinto ? "Monitoraggio.Respinto" : "Monitoraggio.ConAvvisi", $"Flusso {flusso.Id}",
                $"Ente {flusso.EnteCode}: file «{flusso.FileName}», {summary.Lines} righe, {summary.Errors} errori, {summary.Warnings} avvisi.");
            await outcome.CompleteAsync(ct);
            logger.LogInformation("Flusso {Id} dell'ente {Ente}: {Stato}, {Errori} errori, {Avvisi} avvisi", flusso.Id, flusso.EnteCode, stato, summary.Errors, summary.Warnings);
        }
        finally
        {
            if (applying)
            {
                await writer.AbortAsync();
                await work.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A finding's text fit to store and show: a control character (the validator refuses them, F09, so none should come
    /// here) becomes its visible symbol (U+2400…), e.g. a NUL, which PostgreSQL does not store in text, becomes «␀».
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    internal static string? Printable(string? text)
    {
        if (text is null || !text.AsSpan().ContainsAnyInRange('\u0000', '\u001F')) return text;
        return string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++) span[i] = t[i] < ' ' && t[i] != '\t' ? (char)(0x2400 + t[i]) : t[i];
        });
    }

    private async Task FlushIssuesAsync(List<FlussoSegnalazione> pending, CancellationToken ct)
    {
        if (pending.Count == 0) return;
        db.Segnalazioni.AddRange(pending);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        pending.Clear();
    }

    private Task SetOutcomeAsync(Guid id, StatoFlusso stato, FeedSummary s, string riepilogo, string? regole, string esito, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Flussi.Where(f => f.Id == id).ExecuteUpdateAsync(u =>
        {
            u.SetProperty(f => f.Stato, stato).SetProperty(f => f.CompletedUtc, now).SetProperty(f => f.Righe, s.Lines)
                .SetProperty(f => f.LetturaCompleta, true).SetProperty(f => f.DataRiferimento, s.DataRiferimento)
                .SetProperty(f => f.Riepilogo, riepilogo).SetProperty(f => f.Esito, esito);
            if (regole is not null)
                u.SetProperty(f => f.Errori, s.Errors).SetProperty(f => f.Avvisi, s.Warnings).SetProperty(f => f.ConteggiRegole, regole);
        }, ct);
    }
}
