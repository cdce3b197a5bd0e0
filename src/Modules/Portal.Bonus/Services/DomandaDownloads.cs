using System.Security.Claims;
using Portal.Bonus.Data;
using Portal.Core.Comuni;
using Portal.Core.Errors;
using Portal.Core.Files;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Core.Settings;
using Portal.Documents;
using Microsoft.EntityFrameworkCore;

namespace Portal.Bonus.Services;

public sealed record Download(byte[] Content, string ContentType, string FileName);

/// <summary>The application's PDF (on request) and its receipt (issued by the outbox after the protocol number), for the owner only.</summary>
internal sealed class DomandaDownloads(DomandeService domande, BonusDbContext db, IReceipts receipts, IFileStore files,
    IProtocolRegister protocol, RegionComuni comuni, ISiteSettings settings, IPdfRenderer pdfs, TimeProvider clock)
{
    public const string PdfType = "application/pdf";

    public async Task<Download> PdfAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var d = await domande.OwnAsync(user, id, tracked: false, ct);
        var bando = await db.Bandi.AsNoTracking().FirstAsync(b => b.Id == d.BandoId, ct);
        var s = await settings.GetAsync(ct);
        var comune = d.ComuneResidenzaIstat is { } c ? (await comuni.NamesAsync([c], ct)).GetValueOrDefault(c) : null;
        var entry = d.InviataUtc is null ? null : await protocol.FindAsync(Domanda.SubjectType, d.Id.ToString(), ct);
        var pdf = pdfs.Render(DomandaDocument.Build(d, bando, s.RegionName, s.PortalName, comune is null ? null : $"{comune} (ISTAT {d.ComuneResidenzaIstat})",
            entry?.Segnatura, clock.GetUtcNow().UtcDateTime));
        return new Download(pdf, PdfType, $"domanda-{bando.Codice}-{d.CodiceFiscale}.pdf");
    }

    public async Task<Download> ReceiptAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var d = await domande.OwnAsync(user, id, tracked: false, ct);
        var receipt = d.InviataUtc is null ? null : await receipts.FindAsync(Domanda.SubjectType, d.Id.ToString(), ct);
        var file = receipt is null ? null : await files.GetAsync(receipt.PdfFileId, ct);
        if (file is null)
            throw PortalException.NotFound(d.InviataUtc is null
                ? "La ricevuta di invio è disponibile solo dopo l'invio della domanda."
                : "La ricevuta è in preparazione: il numero di protocollo arriva entro pochi secondi, riprova tra poco.");
        return new Download(file.Content, PdfType, $"ricevuta-{receipt!.Segnatura ?? d.Id.ToString()}.pdf");
    }
}
