using Portal.Contents.Model;
using static Portal.Contents.Services.Validation.ContentFields;

namespace Portal.Contents.Services.Validation;

/// <summary>An Avviso's own fields: category (at most 100 characters), the service it opens, contacts.</summary>
internal static class AvvisoValidation
{
    public static ContentData Validate(ContentInput input, Dictionary<string, string> errors)
    {
        if (Trim(input.Categoria)?.Length > 100) errors["Categoria"] = "La categoria può avere al massimo 100 caratteri.";
        return new ContentData { Categoria = Trim(input.Categoria), Servizio = Trim(input.Servizio), Contatti = Trim(input.Contatti) };
    }
}
