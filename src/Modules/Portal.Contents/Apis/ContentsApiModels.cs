using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Contents.Contracts;
using Portal.Core.Contracts;

namespace Portal.Contents.Apis;

public sealed record AllegatoDto(Guid Id, string Titolo, string NomeFile, string TipoMime, long Dimensione, string Sha256, string Url);

public sealed record FinestraDto(Guid Id, Guid AvvisoId, string Nome, DateTime AperturaUtc, DateTime ChiusuraUtc, FinestraState Stato, string StatoDescrizione);

public sealed record AvvisoSintesiDto(Guid Id, string Titolo, string Slug, string? Sommario, string? Categoria, string? Servizio, DateTime? PubblicatoUtc);

public sealed record AvvisoDto(Guid Id, string Titolo, string Slug, string? Sommario, string TestoHtml, string? Categoria, string? Servizio,
    string? Contatti, IReadOnlyList<FinestraDto> Finestre, IReadOnlyList<AllegatoDto> Allegati);

public sealed record PaginaDto(Guid Id, string Titolo, string Slug, string TestoHtml, IReadOnlyList<AllegatoDto> Allegati);

public sealed record GraduatoriaDto(Guid Id, string Titolo, Guid? AvvisoId, Guid? FinestraId, string? DecretoNumero, DateOnly? DecretoData,
    string TestoHtml, IReadOnlyList<AllegatoDto> Allegati);

public sealed record ElencoDto<T>(IReadOnlyList<T> Elementi, int Totale, int Pagina);

public sealed record ContenutoSintesiDto(Guid Id, string Tipo, string Titolo, string? Slug, ContentStatus Stato, int VersioneCorrente,
    int? VersionePubblicata, DateTime ModificatoUtc, string? ModificatoDa, DateTime? PubblicazioneProgrammataUtc, DateTime? RitiroProgrammatoUtc, int Revisione)
{
    public static ContenutoSintesiDto From(ContentItem i) => new(i.Id, i.ContentType, i.Title, i.Slug, i.Status, i.LatestVersion,
        i.PublishedVersion, i.ModifiedUtc, i.ModifiedBy, i.PublishAtUtc, i.UnpublishAtUtc, i.Revision);
}

public sealed record VersioneDto(int Numero, string Titolo, string? Sommario, string? Testo, ContentData Dati, DateTime CreataUtc,
    string? CreataDa, string? Nota, IReadOnlyList<AllegatoDto> Allegati);

public sealed record ContenutoDto(ContenutoSintesiDto Contenuto, Guid? AvvisoId, VersioneDto UltimaVersione);

/// <summary>A file sent inside the JSON body (base64), so that the API stays JSON-only.</summary>
public sealed record AllegatoNuovoDto(string NomeFile, string ContenutoBase64, string? Titolo);

/// <summary>Create or update request: the editor's fields plus, for updates, the revision read.</summary>
public sealed class ContenutoRichiesta
{
    public string? Tipo { get; set; }
    public int? Revisione { get; set; }
    public ContentInput? Campi { get; set; } = new();
    public List<AllegatoNuovoDto>? Allegati { get; set; }
}

public sealed record RevisioneRichiesta(int? Revisione);

/// <summary>Italian local times; null clears the schedule.</summary>
public sealed record ProgrammazioneRichiesta(DateTime? PubblicaIl, DateTime? RitiraIl, int? Revisione);

internal static class ContentsDtoMapping
{
    public static AllegatoDto ToDto(this ContentAttachment a) =>
        new(a.FileId, a.Title, a.FileName, a.ContentType, a.Length, a.Sha256, $"/allegati/{a.FileId}/{Uri.EscapeDataString(a.FileName)}");

    public static VersioneDto ToDto(this ContentVersion v) => new(v.Number, v.Title, v.Summary, v.Body, ContentData.FromJson(v.DataJson),
        v.CreatedUtc, v.CreatedBy, v.Note, v.Attachments.OrderBy(a => a.Order).Select(ToDto).ToList());

    public static FinestraDto ToDto(this FinestraInfo f, DateTimeOffset now) =>
        new(f.Id, f.AvvisoId, f.Nome, f.OpensAtUtc, f.ClosesAtUtc, f.StateAt(now), FinestraInfo.Label(f.StateAt(now)));
}
