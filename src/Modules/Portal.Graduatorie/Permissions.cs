using Portal.Core.Security;

namespace Portal.Graduatorie;

public static class GraduatoriePermissions
{
    public static readonly Permission Upload = new("Graduatorie.Upload", "Inviare gli elenchi delle borse di studio per i Comuni di cui si è operatori");
    public static readonly Permission ViewAll = new("Graduatorie.ViewAll", "Consultare gli invii e gli elenchi validi di tutti i Comuni");

    public static IEnumerable<Permission> All => [Upload, ViewAll];
}
