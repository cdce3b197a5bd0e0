namespace Portal.Contents.Contracts;

/// <summary>
/// Publishes the content a service produces, inside the caller's unit of work (so the service's own change and the
/// publication commit together). Implemented by Portal.Contents; validation refusals are <c>PortalException</c>s.
/// </summary>
public interface IContentPublisher
{
    /// <summary>Creates the Graduatoria under its Avviso and publishes it at once; returns the content item's id.</summary>
    Task<Guid> PublishGraduatoriaAsync(GraduatoriaPublication graduatoria, string by, CancellationToken ct = default);
}

/// <param name="BodyMarkdown">The public text (Markdown), e.g. the ranking as a table.</param>
public sealed record GraduatoriaPublication(
    Guid AvvisoId, Guid FinestraId, string Title, string? Summary, string BodyMarkdown, string? DecretoNumero, DateOnly? DecretoData);
