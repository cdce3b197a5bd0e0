using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Security;

namespace Portal.Core.Labels;

internal sealed partial class PortalLabels(AuditActionRegistry actions, PermissionRegistry permissions, IPermissionService roles) : ILabels
{
    private IReadOnlyDictionary<string, string>? _roles;

    public string Action(string code) => actions.ByCode.TryGetValue(code, out var label) ? label : Words(code);

    public string Permission(string name) => permissions.ByName.TryGetValue(name, out var p) ? p.Description : name;

    public async Task<string> RoleAsync(string? role, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(role)) return "";
        return (await RolesAsync(ct)).TryGetValue(role, out var label) ? label : role;
    }

    public async Task<string?> DescribeAsync(string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var roleNames = await RolesAsync(ct);
        return Code().Replace(text, m =>
            actions.ByCode.TryGetValue(m.Value, out var a) ? a
            : permissions.ByName.TryGetValue(m.Value, out var p) ? $"«{p.Description}»"
            : roleNames.TryGetValue(m.Value, out var r) ? r
            : m.Value);
    }

    private async Task<IReadOnlyDictionary<string, string>> RolesAsync(CancellationToken ct) =>
        _roles ??= (await roles.RolesAsync(ct)).ToDictionary(r => r.Name, r => r.DisplayName, StringComparer.Ordinal);

    /// <summary>"bonus.domanda.richiesta-annullamento" → "Bonus: domanda richiesta annullamento"; "AnagraficaSalvata" → "Anagrafica salvata".</summary>
    internal static string Words(string code)
    {
        var parts = code.Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Camel().Replace(p, " $1").Replace('-', ' ').Replace('_', ' ').Trim().ToLowerInvariant()).ToList();
        if (parts.Count == 0) return code;
        var text = parts.Count == 1 ? parts[0] : parts[0] + ": " + string.Join(" ", parts.Skip(1));
        var sb = new StringBuilder(text);
        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }

    /// <summary>A code as the portal writes them: letters and dots, starting with a capital ("Contenuto.Salvato", "OperatoreCpi").</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)*\b", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    [GeneratedRegex(@"(?<=[a-zà-ù])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex Camel();
}
