using Portal.Core.Security;

namespace Portal.Monitoraggio;

public static class MonitoraggioPermissions
{
    public static readonly Permission Upload = new("Monitoraggio.Upload", "Inviare i flussi di monitoraggio delle pratiche per l'ente gestore di cui si è operatori");
    public static readonly Permission Reports = new("Monitoraggio.Reports", "Consultare i report di monitoraggio delle pratiche di tutti gli enti gestori");

    public static IEnumerable<Permission> All => [Upload, Reports];
}
