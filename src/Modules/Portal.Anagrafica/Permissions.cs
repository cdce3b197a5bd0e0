using Portal.Core.Security;

namespace Portal.Anagrafica;

public static class AnagraficaPermissions
{
    public static readonly Permission ViewAll = new("Anagrafica.ViewAll", "Consultare l'anagrafica di qualsiasi persona (ogni lettura è registrata)");
    public static readonly Permission ImportRegistry = new("Anagrafica.ImportRegistry", "Caricare l'Indice regionale del welfare (importazione CSV)");

    public static IEnumerable<Permission> All => [ViewAll, ImportRegistry];
}
