using Microsoft.EntityFrameworkCore;
using Portal.Contents.Data;
using Portal.Contents.Model;
using static Portal.Contents.Services.Validation.ContentFields;

namespace Portal.Contents.Services.Validation;

/// <summary>A Graduatoria's own fields: the window of the same Avviso it ranks, the decree (number at most 50 characters, date).</summary>
internal static class GraduatoriaValidation
{
    public static async Task<ContentData> ValidateAsync(ContentInput input, ContentsDbContext db, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (input.FinestraId is not null && !await db.Items.AnyAsync(i => i.Id == input.FinestraId && i.ContentType == ContentTypes.Finestra && i.ParentId == input.AvvisoId, ct))
            errors["FinestraId"] = "La finestra scelta non appartiene all'avviso indicato.";
        if (Trim(input.DecretoNumero)?.Length > 50) errors["DecretoNumero"] = "Il numero del decreto può avere al massimo 50 caratteri.";
        return new ContentData { FinestraId = input.FinestraId, DecretoNumero = Trim(input.DecretoNumero), DecretoData = input.DecretoData };
    }
}
