namespace Portal.Contents.Model;

/// <summary>The typed content of the portal.</summary>
public static class ContentTypes
{
    public const string Avviso = "Avviso";
    public const string Finestra = "Finestra";
    public const string Graduatoria = "Graduatoria";
    public const string AvvisoServizio = "AvvisoServizio";
    public const string Pagina = "Pagina";

    public static readonly IReadOnlyList<string> All = [Avviso, Finestra, Graduatoria, AvvisoServizio, Pagina];

    public static string Label(string type) => type switch
    {
        Avviso => "Avviso",
        Finestra => "Finestra",
        Graduatoria => "Graduatoria",
        AvvisoServizio => "Avviso di servizio",
        Pagina => "Pagina",
        _ => type,
    };

    /// <summary>Types reached by a slug in their public URL.</summary>
    public static bool HasSlug(string type) => type is Avviso or Pagina;

    /// <summary>Types that belong to an Avviso.</summary>
    public static bool HasParent(string type) => type is Finestra or Graduatoria;

    public static bool HasAttachments(string type) => type is Avviso or Graduatoria or Pagina;
}
