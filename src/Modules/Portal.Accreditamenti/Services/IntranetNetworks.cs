using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Accreditamenti.Services;

/// <summary>
/// The address ranges of the regional intranet (CIDR, IPv4 and IPv6) from which the Funzionario role may be used;
/// none: no restriction. Stored as a module setting under the key the portal has always used.
/// </summary>
public sealed class IntranetNetworks(IModuleSettings settings, IUnitOfWork unitOfWork, IAuditTrail audit)
{
    public const string Key = "FunzionarioNetworks";

    public async Task<IReadOnlyList<string>> GetAsync(CancellationToken ct = default) => Parse(await settings.GetAsync(Key, ct));

    /// <summary>Saves the ranges typed in one field (separated by commas, spaces or new lines); refuses the first bad one.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(string? text, string? by, CancellationToken ct = default)
    {
        var ranges = Parse(text);
        if (ranges.FirstOrDefault(r => !NetworkRanges.TryParse(r, out _)) is { } bad)
            throw PortalException.Invalid("Reti", $"Intervallo di indirizzi «{bad}» non valido: usare la notazione CIDR, ad esempio 10.0.0.0/8 o fd00::/8.");
        if (ranges.Count > 100) throw PortalException.Invalid("Reti", "Indicare al massimo 100 intervalli di indirizzi.");
        await using var work = await unitOfWork.BeginAsync(ct);
        await settings.SetAsync(Key, string.Join(',', ranges), by, ct);
        await audit.RecordAsync("Intranet.Reti", "Reti della intranet per i funzionari",
            ranges.Count == 0 ? "Nessuna restrizione di rete per i funzionari." : "Reti: " + string.Join(", ", ranges));
        await work.CompleteAsync(ct);
        return ranges;
    }

    private static List<string> Parse(string? text) =>
        (text ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
