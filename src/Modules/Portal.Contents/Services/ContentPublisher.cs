using Portal.Contents.Contracts;
using Portal.Contents.Model;
using Portal.Core.Data;

namespace Portal.Contents.Services;

/// <summary><see cref="IContentPublisher"/>: the content a service produces, created and published through the lifecycle.</summary>
internal sealed class ContentPublisher(ContentService contents, IUnitOfWork unitOfWork) : IContentPublisher
{
    public async Task<Guid> PublishGraduatoriaAsync(GraduatoriaPublication g, string by, CancellationToken ct = default)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var item = await contents.CreateAsync(ContentTypes.Graduatoria, new ContentInput
        {
            Title = g.Title,
            Summary = g.Summary,
            Body = g.BodyMarkdown,
            AvvisoId = g.AvvisoId,
            FinestraId = g.FinestraId,
            DecretoNumero = g.DecretoNumero,
            DecretoData = g.DecretoData,
        }, [], by, ct);
        await contents.PublishAsync(item.Id, null, by, ct);
        await work.CompleteAsync(ct);
        return item.Id;
    }
}
