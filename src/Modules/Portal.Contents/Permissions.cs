using Portal.Core.Security;

namespace Portal.Contents;

public static class ContentsPermissions
{
    public static readonly Permission Edit = new("Contents.Edit", "Scrivere e modificare i contenuti (bozze, anteprima)");
    public static readonly Permission Publish = new("Contents.Publish", "Pubblicare, programmare, ritirare e ripristinare i contenuti");

    public static IEnumerable<Permission> All => [Edit, Publish];
}
