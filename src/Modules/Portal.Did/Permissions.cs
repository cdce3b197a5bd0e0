using Portal.Core.Security;

namespace Portal.Did;

public static class DidPermissions
{
    public static readonly Permission Send = new("Did.Send", "Consultare la propria situazione occupazionale e inviare la D.I.D. on line");
    public static readonly Permission Cpi = new("Did.Cpi", "Gestire le D.I.D. e la situazione occupazionale delle persone del proprio Centro per l'Impiego");

    public static IEnumerable<Permission> All => [Send, Cpi];
}
