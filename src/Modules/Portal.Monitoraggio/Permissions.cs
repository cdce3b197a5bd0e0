using Portal.Core.Security;

namespace Portal.Monitoraggio;

public static class MonitoraggioPermissions
{
    public static readonly Permission Upload = new("Monitoraggio.Upload", "Inviare i flussi di monitoraggio delle pratiche per l'ente gestore di cui si è operatori");
    public static readonly Permission Reports = new("Monitoraggio.Reports", "Consultare i report di monitoraggio delle pratiche di tutti gli enti gestori");

    public static readonly Permission Credentials = new("Monitoraggio.Credentials", "Rilasciare e revocare le credenziali API con cui i sistemi gestionali degli enti inviano i flussi");

    public static IEnumerable<Permission> All => [Upload, Reports, Credentials];
}
