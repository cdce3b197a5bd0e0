using Portal.Core.Audit;

namespace Portal.Core.Labels;

/// <summary>Every register action the composed modules declare, by code.</summary>
public sealed class AuditActionRegistry(IEnumerable<AuditAction> actions)
{
    public IReadOnlyDictionary<string, string> ByCode { get; } =
        actions.GroupBy(a => a.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
}
