using Portal.Core.Security;

namespace Portal.Graduatorie;

public static class GraduatoriePermissions
{
    public static readonly Permission Upload = new("Graduatorie.Upload", "Inviare gli elenchi delle borse di studio per i Comuni di cui si è operatori");
    public static readonly Permission ViewAll = new("Graduatorie.ViewAll", "Consultare gli invii e gli elenchi validi di tutti i Comuni");

    public static IEnumerable<Permission> All => [Upload, ViewAll];
}

/// <summary>The Funzionario's actions on the regional side.</summary>
public static class GraduatorieRegionePermissions
{
    public static readonly Permission Remind = new("Graduatorie.Remind", "Inviare il sollecito agli operatori dei Comuni che non hanno un elenco valido");
    public static readonly Permission Build = new("Graduatorie.Build", "Costruire la graduatoria regionale a finestra chiusa");
    public static readonly Permission Approve = new("Graduatorie.Approve", "Approvare la graduatoria regionale con il decreto");
    public static readonly Permission Publish = new("Graduatorie.Publish", "Pubblicare la graduatoria regionale approvata");

    public static IEnumerable<Permission> All => [Remind, Build, Approve, Publish];
}
